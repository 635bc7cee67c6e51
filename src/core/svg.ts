/**
 * Role: what makes an SVG picture safe to ship in a reply — self-contained (no external references), inert (no
 * scripts, no event handlers, no embedded HTML) and scalable (a viewBox). Pure string checks, used by the loader on
 * intents/pictures/ and by the tests on the generated check-up card; plus the XML escaping the card's builder needs.
 */

/** Largest picture accepted: a line drawing is a few kilobytes; anything near this is not one. */
export const MAX_SVG_BYTES = 64 * 1024;

/** Each pattern with what it says is wrong. Order: the first match is reported. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/<script\b/i, "contains a <script> element"],
  [/<foreignObject\b/i, "contains a <foreignObject> element (embedded HTML)"],
  [
    /<(image|use|iframe|object|embed|audio|video)\b[^>]*\b(xlink:)?href\s*=\s*["'](?!#)/i,
    "references an external file",
  ],
  [/<image\b/i, "contains an <image> element (pictures must be drawn, not embedded)"],
  [/\son[a-z]+\s*=/i, "has an event-handler attribute (on...)"],
  [
    /\b(xlink:)?href\s*=\s*["'](?!#)/i,
    "has a link to something outside the picture (only #id links are allowed)",
  ],
  [/url\(\s*["']?(?!#)/i, "uses url() with something outside the picture (only url(#id) is allowed)"],
  [/@import\b/i, "imports a style sheet"],
  [/<!ENTITY\b|<!DOCTYPE\b/i, "declares entities or a doctype"],
  [/javascript:/i, "contains a javascript: URL"],
];

/** Why `svg` cannot be shipped as a picture, or null when it can. */
export function svgProblem(svg: string): string | null {
  if (new TextEncoder().encode(svg).length > MAX_SVG_BYTES) return `is larger than ${MAX_SVG_BYTES} bytes`;
  const start = svg.replace(/^\uFEFF/, "").replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, "");
  const root = /^<svg\b[^>]*>/.exec(start)?.[0];
  if (root === undefined) return "does not start with an <svg> element";
  if (!/\sxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2000\/svg["']/.test(root))
    return 'has no xmlns="http://www.w3.org/2000/svg" on its <svg> element';
  if (!/\sviewBox\s*=\s*["'][-\d.\s,]+["']/.test(root)) return "has no viewBox on its <svg> element";
  if (!/<\/svg>\s*$/.test(start)) return "does not end with </svg>";
  for (const [pattern, problem] of FORBIDDEN) if (pattern.test(start)) return problem;
  return null;
}

/** Escapes text for an SVG (XML) text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
