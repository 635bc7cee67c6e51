/**
 * Role: the check-up's result card as a picture — one row per habit with its state and the section its tip comes
 * from, built as an SVG string from data (labels from intents/checkup.yaml). Pure string building: no image library,
 * no file; adapters show it inline or render it to PNG once (see src/adapters/shared/png.ts).
 */
import { escapeXml } from "./svg.js";
import type { ReplyCard, ReplyCardRow, ReplyImage } from "./types.js";

/** The card's stable picture name (with a hash of its SVG it keys any rendered copy). */
export const CHECKUP_CARD_NAME = "checkup-card";

const WIDTH = 640;
const HEADER = 84;
const ROW = 88;
const FOOTER = 16;
/** Fonts the PNG renderer and browsers are likely to have; the Docker image installs DejaVu. */
const FONTS = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const COLOURS: Record<ReplyCardRow["state"], { ring: string; fill: string; text: string }> = {
  fine: { ring: "#15803d", fill: "#dcfce7", text: "#166534" },
  look: { ring: "#b45309", fill: "#fef3c7", text: "#92400e" },
  skipped: { ring: "#6b7280", fill: "#f3f4f6", text: "#4b5563" },
};

/** The state's mark, drawn (not a glyph, so it needs no font): a tick, an exclamation mark or a dash. */
function mark(state: ReplyCardRow["state"], cx: number, cy: number): string {
  const { ring, fill } = COLOURS[state];
  const stroke = `fill="none" stroke="${ring}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"`;
  const circle = `<circle cx="${cx}" cy="${cy}" r="20" fill="${fill}" stroke="${ring}" stroke-width="4"/>`;
  if (state === "fine")
    return `${circle}<polyline points="${cx - 9},${cy} ${cx - 2},${cy + 8} ${cx + 10},${cy - 8}" ${stroke}/>`;
  if (state === "look")
    return `${circle}<line x1="${cx}" y1="${cy - 10}" x2="${cx}" y2="${cy + 3}" ${stroke}/><circle cx="${cx}" cy="${cy + 10}" r="3" fill="${ring}"/>`;
  return `${circle}<line x1="${cx - 9}" y1="${cy}" x2="${cx + 9}" y2="${cy}" ${stroke}/>`;
}

/** The card's SVG: self-contained (no external references, no script), readable at phone width. */
export function cardSvg(card: ReplyCard): string {
  const height = HEADER + card.rows.length * ROW + FOOTER;
  const rows = card.rows.map((row, i) => {
    const top = HEADER + i * ROW;
    const detail = row.sourceLabel === null ? row.stateLabel : `${row.stateLabel} · ${row.sourceLabel}`;
    return [
      i > 0
        ? `<line x1="24" y1="${top}" x2="${WIDTH - 24}" y2="${top}" stroke="#e5e7eb" stroke-width="2"/>`
        : "",
      mark(row.state, 52, top + ROW / 2),
      `<text x="90" y="${top + 38}" font-size="26" font-weight="bold" fill="#111827">${escapeXml(row.label)}</text>`,
      `<text x="90" y="${top + 68}" font-size="20" fill="${COLOURS[row.state].text}">${escapeXml(detail)}</text>`,
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="${FONTS}">`,
    `<rect x="2" y="2" width="${WIDTH - 4}" height="${height - 4}" rx="18" fill="#ffffff" stroke="#d1d5db" stroke-width="4"/>`,
    `<text x="24" y="54" font-size="30" font-weight="bold" fill="#111827">${escapeXml(card.title)}</text>`,
    ...rows,
    "</svg>",
  ].join("\n");
}

/** The card as a reply picture: its SVG, its alt text (every row in words) and the card as data. */
export function cardImage(
  card: ReplyCard,
  text: { alt_row: string; alt_row_with_source: string },
): ReplyImage {
  const alt = [
    card.title,
    ...card.rows.map((row) =>
      (row.source === null ? text.alt_row : text.alt_row_with_source)
        .replace("{habit}", row.label)
        .replace("{state}", row.stateLabel)
        .replace("{title}", row.source ?? ""),
    ),
  ].join(". ");
  return { name: CHECKUP_CARD_NAME, alt: `${alt}.`, svg: cardSvg(card), card };
}
