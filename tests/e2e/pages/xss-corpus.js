// The XSS corpus page's own script (served from 'self', so it runs under ?csp=1 too). Every
// payload reports `location.protocol` of the context it ran in to the top window: "http:" is
// the page itself (a hostile page may run its own script), anything else is the extension.
window.__xssReports = [];
window.addEventListener("message", (e) => {
  if (typeof e.data === "string" && /^[a-z-]+:$/.test(e.data)) window.__xssReports.push(e.data);
});
window.__pageCspViolations = 0;
document.addEventListener("securitypolicyviolation", () => window.__pageCspViolations++);
