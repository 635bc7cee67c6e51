// The chat page's pictures: a stretch step's drawing as an <img> (its SVG as a data: URL, so nothing in it can run)
// with its alt text, and the check-up's result card as an HTML card. DOM nodes and text nodes only, never HTML.
(() => {
  const MARKS = { fine: "✓", look: "!", skipped: "–" };
  const STATES = new Set(["fine", "look", "skipped"]);

  /** The drawing: an image from a data:image/svg+xml URL only (anything else is not ours and is left out). */
  function figure(image) {
    if (typeof image.src !== "string" || !image.src.startsWith("data:image/svg+xml;base64,")) return null;
    const container = document.createElement("figure");
    container.className = "picture";
    const img = document.createElement("img");
    img.src = image.src;
    img.alt = typeof image.alt === "string" ? image.alt : "";
    img.width = 240;
    img.height = 240;
    img.decoding = "async";
    container.append(img);
    return container;
  }

  /** The card: a title and one row per habit with its state and the section its tip comes from. */
  function card(image) {
    const { title, rows } = image.card;
    if (typeof title !== "string" || !Array.isArray(rows)) return null;
    const container = document.createElement("figure");
    container.className = "result-card";
    const heading = document.createElement("figcaption");
    heading.className = "result-card-title";
    heading.textContent = title;
    const list = document.createElement("ul");
    for (const row of rows) {
      if (typeof row?.label !== "string" || !STATES.has(row.state)) continue;
      const item = document.createElement("li");
      item.className = `result-row ${row.state}`;
      const mark = document.createElement("span");
      mark.className = "result-mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = MARKS[row.state];
      const label = document.createElement("strong");
      label.textContent = row.label;
      const state = document.createElement("span");
      state.className = "result-state";
      state.textContent = typeof row.stateLabel === "string" ? row.stateLabel : row.state;
      item.append(mark, label, state);
      if (typeof row.sourceLabel === "string") {
        const source = document.createElement("span");
        source.className = "result-source";
        source.textContent = row.sourceLabel;
        item.append(source);
      }
      list.append(item);
    }
    container.append(heading, list);
    return container;
  }

  window.CrampBotPictures = {
    /** Appends the reply's picture to its bubble. */
    append(bubble, image) {
      if (image === null || typeof image !== "object") return;
      const node = image.card && typeof image.card === "object" ? card(image) : figure(image);
      if (node !== null) bubble.append(node);
    },
  };
})();
