// The page's own behaviour: clean view must leave this listener working.
document.getElementById("counter-btn").addEventListener("click", () => {
  const c = document.getElementById("count");
  c.textContent = String(Number(c.textContent) + 1);
});
