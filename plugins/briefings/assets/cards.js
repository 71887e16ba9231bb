/*
 * Entity cards: hovering over a mention, or focusing a linked one, shows what the site
 * knows of the entity: name, type (in colour and in a word), one-line description, the
 * number of briefings, "not yet reviewed", and a link to its page.
 *
 * The data comes from cards/<bucket>.json (see plugins/briefings/site/cards.py), fetched
 * once per bucket. Text is written with textContent, never as HTML. Escape closes the
 * card. On touch, a first tap on a linked mention shows the card and a second follows the
 * link. Without JavaScript, linked mentions are plain links to the entity page.
 */
(() => {
  "use strict";
  // Entity types that have a colour (entities.css); the card data names each in a word.
  const TYPES = ["person", "organization", "place", "equipment", "event", "other"];
  const MENTION = ".entity[data-entity]";
  const cache = new Map();
  let card = null;
  let current = null;
  let hideTimer = 0;
  let touch = false;

  function siteBase() {
    const config = document.getElementById("__config");
    try {
      const base = config ? JSON.parse(config.textContent).base : ".";
      return new URL(`${base.replace(/\/$/, "")}/`, window.location.href);
    } catch (error) {
      return new URL("./", window.location.href);
    }
  }

  function bucketOf(id) {
    const first = id.charAt(0);
    return first >= "a" && first <= "z" ? first : "0";
  }

  function load(id) {
    const bucket = bucketOf(id);
    if (!cache.has(bucket)) {
      const url = new URL(`cards/${bucket}.json`, siteBase());
      cache.set(
        bucket,
        fetch(url)
          .then((response) => (response.ok ? response.json() : {}))
          .catch(() => ({})),
      );
    }
    return cache.get(bucket).then((cards) => cards[id]);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function ensureCard() {
    if (card && document.body.contains(card)) return card;
    // An aside, so that the card sits in a landmark of its own wherever the page puts it.
    card = element("aside", "entity-card");
    card.id = "briefings-entity-card";
    card.hidden = true;
    card.addEventListener("mouseenter", () => window.clearTimeout(hideTimer));
    card.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(card);
    return card;
  }

  function fill(data) {
    const [name, type, typeWord, description, briefings, url, reviewed] = data;
    const box = ensureCard();
    box.replaceChildren();
    box.className = "entity-card";
    const known = TYPES.includes(type) ? type : "other";
    box.style.setProperty("--briefings-card-color", `var(--briefings-entity-${known})`);
    box.setAttribute("aria-label", `About ${name}`);
    box.appendChild(element("p", "entity-card__name", name));
    box.appendChild(element("p", "entity-card__type", typeWord));
    if (description) box.appendChild(element("p", "entity-card__description", description));
    const count = briefings === 1 ? "in 1 briefing" : `in ${briefings} briefings`;
    box.appendChild(element("p", "entity-card__count", count));
    if (!reviewed) box.appendChild(element("p", "entity-card__unreviewed", "not yet reviewed"));
    const link = element("a", "entity-card__link", reviewed ? `All about ${name}` : "Review list");
    link.href = new URL(url, siteBase()).href;
    link.tabIndex = -1; // the mention itself is the keyboard's link
    box.appendChild(link);
    return box;
  }

  function place(box, mention) {
    const rect = mention.getBoundingClientRect();
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    box.style.maxWidth = `${width}px`;
    let left = rect.left + window.scrollX;
    left = Math.max(8, Math.min(left, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = `${left}px`;
    box.style.top = `${rect.bottom + window.scrollY + 6}px`;
  }

  function show(mention) {
    window.clearTimeout(hideTimer);
    if (current === mention && card && !card.hidden) return Promise.resolve(true);
    current = mention;
    return load(mention.dataset.entity).then((data) => {
      if (current !== mention || !data) return false;
      const box = fill(data);
      document.querySelectorAll("[aria-describedby='briefings-entity-card']").forEach((node) => {
        node.removeAttribute("aria-describedby");
      });
      mention.setAttribute("aria-describedby", box.id);
      box.hidden = false;
      place(box, mention);
      return true;
    });
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (card) card.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  function mentionOf(target) {
    return target instanceof Element ? target.closest(MENTION) : null;
  }

  document.addEventListener("pointerdown", (event) => {
    touch = event.pointerType === "touch";
  }, true);
  document.addEventListener("mouseover", (event) => {
    const mention = mentionOf(event.target);
    if (mention && !touch) show(mention);
  });
  document.addEventListener("mouseout", (event) => {
    if (mentionOf(event.target) && !touch) scheduleHide();
  });
  document.addEventListener("focusin", (event) => {
    const mention = mentionOf(event.target);
    if (mention && mention.matches("a")) show(mention);
  });
  document.addEventListener("focusout", (event) => {
    if (mentionOf(event.target)) scheduleHide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && card && !card.hidden) hide();
  });
  document.addEventListener("click", (event) => {
    const mention = mentionOf(event.target);
    if (!mention) {
      if (card && !card.hidden && !card.contains(event.target)) hide();
      return;
    }
    if (!touch) return;
    if (current !== mention || !card || card.hidden) {
      event.preventDefault(); // first tap: the card; a second tap follows the link
      show(mention);
    }
  }, true);
})();
