// Role: a reply with a picture, the Discord way — the PNG uploaded as an attachment (its alt text as the
// attachment's description) and shown in an embed on the reply's first part; text and buttons as without one.
import { AttachmentBuilder, EmbedBuilder } from "discord.js";
import type { Reply } from "../../core/types.js";
import { errorSummary } from "../shared/errors.js";
import type { RenderedPicture } from "../shared/png.js";
import type { AdapterContext } from "./context.js";
import { type OutgoingPart, replyParts } from "./outbound.js";

/** Discord's limit on an attachment's description (its alt text). */
const DESCRIPTION_LIMIT = 1024;

/** The reply's parts, the first carrying the picture (when there is one and it renders; a failure is logged). */
export async function partsWithPicture(context: AdapterContext, reply: Reply): Promise<OutgoingPart[]> {
  const parts = replyParts(reply);
  const [first, ...rest] = parts;
  if (!reply.image || !context.pictures || first === undefined) return parts;
  let picture: RenderedPicture;
  try {
    picture = await context.pictures.render(reply.image);
  } catch (error) {
    context.logger.error(
      { platform: "discord", picture: reply.image.name, err: errorSummary(error) },
      "discord: rendering a picture failed; sending the text alone",
    );
    return parts;
  }
  return [{ ...first, ...pictureFields(picture, reply.image.alt) }, ...rest];
}

/** The upload and the embed that shows it (`attachment://<file>` points the embed at the upload). */
export function pictureFields(picture: RenderedPicture, alt: string): Pick<OutgoingPart, "files" | "embeds"> {
  const file = new AttachmentBuilder(Buffer.from(picture.png), {
    name: picture.filename,
    description: alt.slice(0, DESCRIPTION_LIMIT),
  });
  const embed = new EmbedBuilder().setImage(`attachment://${picture.filename}`);
  return { files: [file], embeds: [embed] };
}
