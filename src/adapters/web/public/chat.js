// The chat page's script: a WebSocket client (HTTP fallback) that renders replies with DOM nodes only, never as HTML.
(() => {
  const log = document.getElementById("log");
  const chat = document.getElementById("chat");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const typing = document.getElementById("typing");
  const status = document.getElementById("status");

  // The core's light markup, as in the Telegram renderer: **bold**, _italic_ between non-word characters, "• " bullets.
  const BOLD = /\*\*(?=\S)([^\n]*?\S)\*\*/g;
  const ITALIC = /(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu;
  const BULLET = "• ";
  const TYPING_TIMEOUT_MS = 20000;
  /** After the server refused one more socket for this browser (close 1013): go on over HTTP this long first. */
  const REFUSED_RETRY_MS = 60000;

  /** Appends `text` to `parent`, with _italic_ spans as <em>; every piece of text goes in as a text node. */
  function appendItalic(parent, text) {
    let last = 0;
    for (const match of text.matchAll(ITALIC)) {
      parent.append(document.createTextNode(text.slice(last, match.index)));
      const em = document.createElement("em");
      em.textContent = match[1];
      parent.append(em);
      last = match.index + match[0].length;
    }
    parent.append(document.createTextNode(text.slice(last)));
  }

  function appendInline(parent, line) {
    let last = 0;
    for (const match of line.matchAll(BOLD)) {
      appendItalic(parent, line.slice(last, match.index));
      const strong = document.createElement("strong");
      appendItalic(strong, match[1]);
      parent.append(strong);
      last = match.index + match[0].length;
    }
    appendItalic(parent, line.slice(last));
  }

  /** One block (paragraph) of reply text: bullet lines become a list, other lines a paragraph. */
  function renderBlock(container, block) {
    let list = null;
    let paragraph = null;
    for (const line of block.split("\n")) {
      if (line.startsWith(BULLET)) {
        paragraph = null;
        if (list === null) {
          list = document.createElement("ul");
          container.append(list);
        }
        const item = document.createElement("li");
        appendInline(item, line.slice(BULLET.length));
        list.append(item);
        continue;
      }
      list = null;
      if (paragraph === null) {
        paragraph = document.createElement("p");
        container.append(paragraph);
      } else {
        paragraph.append(document.createElement("br"));
      }
      appendInline(paragraph, line);
    }
  }

  function isSourceLine(block) {
    return /^_Source: [^\n]*_$/.test(block.trim());
  }

  function scrollToEnd() {
    chat.scrollTop = chat.scrollHeight;
  }

  function row(role) {
    const item = document.createElement("li");
    item.className = `row ${role}`;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    item.append(bubble);
    log.append(item);
    return { item, bubble };
  }

  /** Removes the suggestions of earlier replies: only the latest ones can be pressed. */
  function clearSuggestions() {
    const hadFocus = document.activeElement?.closest?.(".quick-replies") != null;
    for (const group of log.querySelectorAll(".quick-replies")) group.remove();
    if (hadFocus) input.focus();
  }

  function addUser(text) {
    const { bubble } = row("user");
    bubble.textContent = text;
    scrollToEnd();
  }

  function addNotice(text) {
    const { item, bubble } = row("notice");
    item.classList.add("bot");
    bubble.textContent = text;
    scrollToEnd();
  }

  function addBot(message) {
    const { item, bubble } = row("bot");
    const text = typeof message.text === "string" ? message.text : "";
    const section = message.section && typeof message.section.heading === "string" ? message.section : null;
    for (const block of text.split(/\n[ \t]*\n+/)) {
      if (block.trim() === "") continue;
      // The source is shown from `section` below the answer, so its line in the text is not repeated.
      if (section !== null && isSourceLine(block)) continue;
      renderBlock(bubble, block);
    }
    // A stretch step's drawing or the check-up card (pictures.js).
    if (message.image) window.CrampBotPictures?.append(bubble, message.image);
    if (section !== null) {
      const source = document.createElement("p");
      source.className = "source";
      const label = document.createElement("span");
      label.className = "source-label";
      label.textContent = "Source: ";
      source.append(label, document.createTextNode(section.heading));
      bubble.append(source);
    }
    // "Helpful?" under an answer (feedback.js).
    const feedback = window.CrampBotFeedback?.group(message.feedback);
    if (feedback) item.append(feedback);
    const replies = Array.isArray(message.quick_replies) ? message.quick_replies : [];
    if (replies.length > 0) {
      const group = document.createElement("fieldset");
      group.className = "quick-replies";
      const legend = document.createElement("legend");
      legend.className = "visually-hidden";
      legend.textContent = "Suggested follow-ups";
      group.append(legend);
      for (const reply of replies) {
        if (typeof reply?.title !== "string" || typeof reply.payload !== "string") continue;
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = reply.title;
        button.addEventListener("click", () => press(reply.title, reply.payload));
        group.append(button);
      }
      item.append(group);
    }
    scrollToEnd();
  }

  // Waiting indicator: shown while a reply is due.
  let waiting = 0;
  let typingTimer = 0;
  function setWaiting(count) {
    waiting = Math.max(0, count);
    typing.hidden = waiting === 0;
    clearTimeout(typingTimer);
    if (waiting > 0) typingTimer = setTimeout(() => setWaiting(0), TYPING_TIMEOUT_MS);
    scrollToEnd();
  }

  function receive(message) {
    if (message === null || typeof message !== "object") return;
    if (message.type === "message") {
      setWaiting(waiting - 1);
      // The thanks for a vote is shown by the group voted in, not as a bubble.
      if (window.CrampBotFeedback?.thank(message)) return;
      clearSuggestions();
      addBot(message);
    } else if (message.type === "error") {
      // A refused socket answers no message of ours, so there is nothing to stop waiting for.
      if (message.error !== "too_many_sockets") setWaiting(waiting - 1);
      addNotice(typeof message.message === "string" ? message.message : "Something went wrong.");
    }
  }

  // Transport: the WebSocket, reconnecting with backoff; POST /api/messages while it is down.
  let socket = null;
  let failures = 0;
  const socketUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;

  function setStatus(text) {
    status.textContent = text;
  }

  function connect() {
    let opened = false;
    try {
      socket = new WebSocket(socketUrl);
    } catch {
      socket = null;
      return reconnectLater();
    }
    socket.addEventListener("open", () => {
      opened = true;
      failures = 0;
      setStatus("Connected");
    });
    socket.addEventListener("message", (event) => {
      try {
        receive(JSON.parse(event.data));
      } catch {
        // not JSON: ignore
      }
    });
    socket.addEventListener("close", (event) => {
      socket = null;
      if (event.code === 1013) {
        // Too many chat sockets for this browser: the server said so in a notice; messages go over HTTP meanwhile.
        setStatus("Connected without live updates (too many chat windows open)");
        setTimeout(connect, REFUSED_RETRY_MS);
        return;
      }
      if (!opened || event.code !== 1000) reconnectLater();
    });
  }

  function reconnectLater() {
    failures += 1;
    const delay = Math.min(1000 * 2 ** (failures - 1), 15000);
    setStatus(failures > 1 ? "Offline: retrying (messages still go through)" : "Reconnecting…");
    setTimeout(connect, delay);
  }

  async function sendOverHttp(payload) {
    try {
      const response = await fetch("/api/messages", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(payload),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        receive({
          type: "error",
          message: body?.message ?? `The chat answered ${response.status}; please try again.`,
        });
        return;
      }
      if (Array.isArray(body)) for (const message of body) receive(message);
    } catch {
      receive({
        type: "error",
        message: "The message could not be sent; check your connection and try again.",
      });
    }
  }

  function send(payload) {
    setWaiting(waiting + 1);
    if (socket !== null && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
    else void sendOverHttp(payload);
  }

  function say(text) {
    const trimmed = text.trim();
    if (trimmed === "") return;
    clearSuggestions();
    addUser(trimmed);
    send({ type: "message", text: trimmed });
  }

  function press(title, payload) {
    clearSuggestions();
    addUser(title);
    send({ type: "message", text: title, quick_reply: { payload } });
  }

  // The message box takes whatever is typed or pasted, whole (no maxlength: the server answers long messages).
  function fitInput() {
    input.style.height = "auto";
    input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
  }
  input.addEventListener("input", fitInput);
  // Enter sends, Shift+Enter starts a new line; Enter that ends an input-method composition does neither.
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.dispatchEvent(new Event("submit", { cancelable: true }));
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    fitInput();
    say(text);
    input.focus();
  });

  // Buttons in the page itself (the check-up button, the greeting's suggestions) say their data-say text.
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-say]") : null;
    if (button !== null) say(button.dataset.say);
  });

  window.CrampBotFeedback?.connect({ send, press, clearSuggestions, input });
  connect();
})();
