// Defence in depth for the clean view: the core's `content_html` is already sanitised by an
// allow-list (src/sanitize/), and the frame's CSP runs no inline script; this pass still drops
// anything active before the nodes are attached, so a core bug cannot become a script.

const DROP = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
  "meta", "form", "input", "button", "select", "textarea", "template", "noscript", "portal",
  "dialog", "foreignobject", "svg", "canvas",
]);
const URL_ATTRS = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "cite", "longdesc", "usemap"]);

function safeUrl(value, attr) {
  const v = value.trim().replace(/[\u0000-\u0020]/g, "");
  if (attr === "srcset") return !/(^|,)\s*(javascript|vbscript|data):/i.test(value);
  if (/^(https?:|mailto:|#|\/|\.\/|\.\.\/)/i.test(v)) return true;
  if (/^data:image\/(png|gif|jpe?g|webp|avif);/i.test(v)) return attr === "src";
  return !/^[a-z][a-z0-9+.-]*:/i.test(v); // relative URL without a scheme
}

/**
 * Parse `html` in an inert document and return a fragment with only passive content:
 * no active elements, no event-handler attributes, no script URLs; links open in the top
 * window without referrer or opener.
 */
export function guardedFragment(html, doc = document) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  const body = parsed.body;
  for (const el of [...body.querySelectorAll("*")]) {
    if (DROP.has(el.localName)) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "style" || name === "srcdoc" || name === "is" ||
          name === "formaction" || name === "ping" || name === "target" ||
          (URL_ATTRS.has(name) && !safeUrl(attr.value, name))) {
        el.removeAttribute(attr.name);
      }
    }
    if (el.localName === "a" && el.hasAttribute("href")) {
      el.setAttribute("target", "_top");
      el.setAttribute("rel", "noopener noreferrer");
    }
    if (el.localName === "img") {
      el.setAttribute("loading", "lazy");
      el.setAttribute("referrerpolicy", "no-referrer");
    }
  }
  const frag = doc.createDocumentFragment();
  for (const n of [...body.childNodes]) frag.append(doc.adoptNode(n));
  return frag;
}
