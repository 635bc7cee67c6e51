/**
 * Role: the dialogue registry — every guided dialogue the bot offers, by name. Adding a dialogue is its data file in
 * intents/, its plug-in file here in dialogues/, and one line below.
 */
import { checkupDialogue } from "./checkup.js";
import type { DialogueData, DialoguePlugin } from "./dialogue.js";
import { stretchDialogue } from "./stretch.js";

export const DIALOGUES: readonly DialoguePlugin<DialogueData>[] = [checkupDialogue, stretchDialogue];
