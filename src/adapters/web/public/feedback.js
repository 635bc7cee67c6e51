// "Helpful?" under an answer: two buttons in a labelled group below the bubble, each with a spoken label. A press
// sends the vote (a quick reply whose payload is the vote id); the buttons go, focus returns to the message box and
// the thanks is announced in the group's own live region. After a "no" the did-you-mean suggestions replace the
// current ones, under the answer voted on. chat.js calls group() for each answer and thank() for each reply.
(() => {
  let chat = null;
  let count = 0;
  /** The group whose vote is waiting for its thanks, and which vote it was. */
  let pending = null;

  function connect(api) {
    chat = api;
  }

  /** The group for a message's `feedback`, or null when it has none (or it is malformed). */
  function group(feedback) {
    if (chat === null || feedback === null || typeof feedback !== "object") return null;
    if (typeof feedback.question !== "string" || !Array.isArray(feedback.options)) return null;
    const box = document.createElement("div");
    box.className = "feedback";
    box.setAttribute("role", "group");
    const question = document.createElement("span");
    question.className = "feedback-question";
    question.id = `feedback-question-${++count}`;
    question.textContent = feedback.question;
    box.setAttribute("aria-labelledby", question.id);
    box.append(question);
    // Present (and empty) from the start, so screen readers announce the thanks when it is written into it.
    const status = document.createElement("p");
    status.className = "feedback-thanks";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    for (const option of feedback.options) {
      if (typeof option?.title !== "string" || typeof option.payload !== "string") continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = option.vote === "no" ? "vote vote-no" : "vote vote-yes";
      button.textContent = option.title;
      if (typeof option.label === "string") button.setAttribute("aria-label", option.label);
      button.addEventListener("click", () => vote(box, option));
      box.append(button);
    }
    box.append(status);
    return box;
  }

  function vote(box, option) {
    for (const button of box.querySelectorAll("button")) button.remove();
    box.classList.add("voted");
    chat.input.focus();
    pending = { box, vote: option.vote };
    chat.send({ type: "message", text: option.title, quick_reply: { payload: option.payload } });
  }

  /** Shows the reply to a vote in its group; true when it was one (chat.js then adds no bubble). */
  function thank(message) {
    const waiting = pending;
    pending = null;
    if (waiting === null || message.intent !== "feedback") return false;
    const status = waiting.box.querySelector(".feedback-thanks");
    if (status !== null) status.textContent = typeof message.text === "string" ? message.text : "";
    const replies = Array.isArray(message.quick_replies) ? message.quick_replies : [];
    if (waiting.vote === "no" && replies.length > 0) {
      chat.clearSuggestions();
      const fieldset = document.createElement("fieldset");
      fieldset.className = "quick-replies";
      const legend = document.createElement("legend");
      legend.className = "visually-hidden";
      legend.textContent = "Did you mean";
      fieldset.append(legend);
      for (const reply of replies) {
        if (typeof reply?.title !== "string" || typeof reply.payload !== "string") continue;
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = reply.title;
        button.addEventListener("click", () => chat.press(reply.title, reply.payload));
        fieldset.append(button);
      }
      waiting.box.after(fieldset);
    }
    return true;
  }

  window.CrampBotFeedback = { connect, group, thank };
})();
