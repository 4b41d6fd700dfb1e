/**
 * The phone's "Menu" button in the header (../SiteHeader.astro) opens and closes the navigation.
 * The button is in the page from the start, so the header does not grow when this runs; without
 * JavaScript public/no-script.css hides it. One of every page's small scripts (./site.ts).
 */
const button = document.querySelector<HTMLButtonElement>('.site-nav__menu');
const list = document.getElementById('site-nav-list');
if (button && list) {
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    list.classList.toggle('is-open', open);
  });
}
