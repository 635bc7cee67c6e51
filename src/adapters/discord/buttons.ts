// Renders reply suggestions as rows of Discord buttons, skipping the ones Discord would reject.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import type { Suggestion } from "../../core/types.js";

export const CUSTOM_ID_LIMIT = 100;
const LABEL_LIMIT = 80;
const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;

/** The suggestions Discord accepts as buttons: non-empty label, custom_id of 1-100 chars, unique; at most 25. */
export function usableSuggestions(suggestions: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  const usable: Suggestion[] = [];
  for (const suggestion of suggestions) {
    const label = typeof suggestion.label === "string" ? suggestion.label.trim() : "";
    const id = suggestion.id;
    if (
      label === "" ||
      typeof id !== "string" ||
      id.length < 1 ||
      id.length > CUSTOM_ID_LIMIT ||
      seen.has(id)
    ) {
      continue;
    }
    seen.add(id);
    usable.push({ id, label: label.length > LABEL_LIMIT ? `${label.slice(0, LABEL_LIMIT - 1)}…` : label });
    if (usable.length === BUTTONS_PER_ROW * MAX_ROWS) break;
  }
  return usable;
}

/** Up to 5 action rows of up to 5 buttons; custom_id is the suggestion id, sent back on click. */
export function suggestionRows(suggestions: readonly Suggestion[]): ActionRowBuilder<ButtonBuilder>[] {
  const usable = usableSuggestions(suggestions);
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let start = 0; start < usable.length; start += BUTTONS_PER_ROW) {
    const buttons = usable
      .slice(start, start + BUTTONS_PER_ROW)
      .map((suggestion) =>
        new ButtonBuilder()
          .setCustomId(suggestion.id)
          .setLabel(suggestion.label)
          .setStyle(ButtonStyle.Secondary),
      );
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons));
  }
  return rows;
}
