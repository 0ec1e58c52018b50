/**
 * The error a killed invocation sees from every platform call after the kill, and the error the
 * platform reports for the invocation itself. Forge reports a function that died as a failed
 * invocation, not as whatever the code returned.
 */
export class InvocationKilledError extends Error {
  override readonly name = 'InvocationKilledError';
  constructor(
    readonly invocationId: string,
    readonly reason: string
  ) {
    super(`The invocation ${invocationId} was terminated by the simulated platform: ${reason}`);
  }
}
