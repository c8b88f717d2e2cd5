// A small XML reader for Maccor procedures, written for hostile input: one linear pass with an
// explicit stack (no recursion), a cap on elements and depth, no DTD at all (a DOCTYPE or ENTITY
// declaration is refused, so entity expansion cannot happen), and only the five predefined
// entities and character references. It keeps the offset of every element so that diagnostics
// and imported steps can point at the step in the file, which a general XML library does not give.

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text (entities decoded, line breaks as "\n"), all pieces joined. */
  text: string;
  /** Offset of "<" of the start tag and offset just after the end tag's ">". */
  start: number;
  end: number;
}

export interface XmlLimits {
  maxElements: number;
  maxDepth: number;
}

export type XmlProblem = "hostile" | "malformed" | "too-large";

export type XmlParseResult =
  | { ok: true; root: XmlElement; instructions: string[] }
  | { ok: false; problem: XmlProblem; message: string; offset: number };

const NAME = /^[A-Za-z_:][\w.:-]*/;

export function parseXml(text: string, limits: XmlLimits): XmlParseResult {
  const fail = (problem: XmlProblem, message: string, offset: number): XmlParseResult => ({ ok: false, problem, message, offset });
  const stack: XmlElement[] = [];
  const instructions: string[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let i = 0;
  const n = text.length;

  while (i < n) {
    if (text.charCodeAt(i) !== 60 /* < */) {
      const next = text.indexOf("<", i);
      const stop = next === -1 ? n : next;
      const raw = text.slice(i, stop);
      const top = stack[stack.length - 1];
      if (!top) {
        if (raw.trim() !== "") return fail("malformed", "text outside the root element", i);
      } else {
        const decoded = decodeText(raw);
        if (decoded.error !== null) return fail("malformed", decoded.error, i + decoded.at);
        top.text += decoded.text;
      }
      i = stop;
      continue;
    }
    if (text.startsWith("<?", i)) {
      const close = text.indexOf("?>", i + 2);
      if (close === -1) return fail("malformed", "a processing instruction is not closed", i);
      instructions.push(text.slice(i + 2, close).trim());
      i = close + 2;
      continue;
    }
    if (text.startsWith("<!--", i)) {
      const close = text.indexOf("-->", i + 4);
      if (close === -1) return fail("malformed", "a comment is not closed", i);
      i = close + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", i)) {
      const close = text.indexOf("]]>", i + 9);
      const top = stack[stack.length - 1];
      if (close === -1 || !top) return fail("malformed", "a CDATA section is not closed or is outside the root element", i);
      top.text += text.slice(i + 9, close).replace(/\r\n?/g, "\n");
      i = close + 3;
      continue;
    }
    if (text.startsWith("<!", i)) {
      return fail("hostile", "the file declares a DOCTYPE or entities, which Maccor procedures never do", i);
    }
    if (text.startsWith("</", i)) {
      const close = text.indexOf(">", i + 2);
      if (close === -1) return fail("malformed", "an end tag is not closed (the file may be truncated)", i);
      const name = text.slice(i + 2, close).trim();
      const top = stack.pop();
      if (!top || top.name !== name) {
        return fail("malformed", top ? `</${name}> closes <${top.name}>` : `</${name}> has no start tag`, i);
      }
      top.end = close + 1;
      i = close + 1;
      continue;
    }
    const close = tagEnd(text, i + 1);
    if (close === -1) return fail("malformed", "a start tag is not closed (the file may be truncated)", i);
    const inside = text.slice(i + 1, close);
    const name = NAME.exec(inside)?.[0];
    if (!name) return fail("malformed", "a tag has no valid name", i);
    const selfClosing = inside.endsWith("/");
    const element: XmlElement = { name, children: [], text: "", start: i, end: close + 1 };
    elements++;
    if (elements > limits.maxElements) return fail("too-large", `more than ${limits.maxElements} elements`, i);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) return fail("malformed", "a second root element", i);
    else root = element;
    if (!selfClosing) {
      stack.push(element);
      if (stack.length > limits.maxDepth) return fail("too-large", `elements nested more than ${limits.maxDepth} deep`, i);
    }
    i = close + 1;
  }
  const open = stack[stack.length - 1];
  if (open) return fail("malformed", `<${open.name}> is never closed (the file may be truncated)`, open.start);
  if (!root) return fail("malformed", "the file has no root element", 0);
  return { ok: true, root, instructions };
}

/** The ">" that ends a start tag, skipping quoted attribute values; -1 when there is none. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    } else if (c === 60) {
      return -1;
    }
  }
  return -1;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Character data with its references decoded; an unknown entity is an error (there is no DTD
 * that could define one). */
function decodeText(raw: string): { text: string; error: string | null; at: number } {
  const normalized = raw.replace(/\r\n?/g, "\n");
  let out = "";
  let i = 0;
  while (i < normalized.length) {
    const amp = normalized.indexOf("&", i);
    if (amp === -1) {
      out += normalized.slice(i);
      break;
    }
    out += normalized.slice(i, amp);
    const semi = normalized.indexOf(";", amp);
    const ref = semi === -1 || semi - amp > 12 ? null : normalized.slice(amp + 1, semi);
    const char = ref === null ? null : reference(ref);
    if (char === null) return { text: out, error: `"${normalized.slice(amp, Math.min(normalized.length, amp + 12))}" is not a valid XML reference`, at: amp };
    out += char;
    i = semi + 1;
  }
  return { text: out, error: null, at: 0 };
}

function reference(ref: string): string | null {
  if (ref in PREDEFINED) return PREDEFINED[ref]!;
  const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
  if (!Number.isFinite(code)) return null;
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : null;
}

/** The first child with this name, or undefined. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
