import { invoke } from '@forge/bridge';
import { envelopeSchema, type Envelope } from '@usage-reporting/core/api';
import { ssoResolverContract, type SsoResolverInput, type SsoResolverName, type SsoResolverOutput } from '../../../../src/contract/resolvers';

/**
 * The page's one way to call the app's own resolvers: typed by the shared contract, and every answer
 * parsed as the toolkit's Envelope, so a backend that drifted from the contract shows as an error
 * value, not as a page that renders nonsense.
 */
export async function callSso<N extends SsoResolverName>(name: N, payload: SsoResolverInput<N>): Promise<Envelope<SsoResolverOutput<N>>> {
  try {
    const raw: unknown = await invoke(name, payload as Record<string, unknown>);
    const parsed = envelopeSchema(ssoResolverContract[name].output).safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', message: `The app answered ${name} in an unexpected shape.` } };
    return parsed.data as Envelope<SsoResolverOutput<N>>;
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `Could not reach the app: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
