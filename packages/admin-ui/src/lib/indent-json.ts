/**
 * JSON text laid out for reading: a line per member and two spaces per level. It re-spaces the text
 * rather than parsing and re-serialising it, so every token (a number's digits, a string's escapes,
 * the order of keys) is the one in the bytes: only whitespace outside strings differs, and the
 * report's canonical bytes have none, so removing what this adds gives the bytes back.
 * Null when the text is not JSON, so the caller shows the bytes as they are instead.
 */
export function indentJson(text: string): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inString) {
      out += ch;
      if (ch === '\\') out += text.charAt(++i);
      else if (ch === '"') inString = false;
      continue;
    }
    switch (ch) {
      case '"':
        inString = true;
        out += ch;
        break;
      case '{':
      case '[': {
        const close = ch === '{' ? '}' : ']';
        const next = nextSignificant(text, i + 1);
        // An empty object or array stays on its line, as `{}` or `[]`.
        if (text.charAt(next) === close) {
          out += ch + close;
          i = next;
        } else {
          depth++;
          out += ch + newline();
        }
        break;
      }
      case '}':
      case ']':
        depth--;
        out += newline() + ch;
        break;
      case ',':
        out += ch + newline();
        break;
      case ':':
        out += ': ';
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        // Whitespace between tokens is layout already; it is replaced by this layout.
        break;
      default:
        out += ch;
    }
  }
  return out;
}

function nextSignificant(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  return i;
}
