/**
 * DOM nodes for the map: marker icons and popup content. Entry data only ever goes into text
 * nodes (`textContent`) and attribute values (`setAttribute`), never into HTML strings, so a
 * name such as `<img src=x onerror=alert(1)>` is shown as those characters.
 */
import * as L from 'leaflet';
import { markerSize, type MapMarker } from '../../../lib/map/cluster';
import { type PopupModel } from '../../../lib/map/popup';
import { t } from '../../../lib/text/messages';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A marker icon: a pin for one place, a numbered disc for a cluster. No images, so none can break. */
export function markerIcon(marker: MapMarker): L.DivIcon {
  if (marker.kind === 'cluster') {
    const size = markerSize(marker);
    const inner = el('span', 'map-cluster__count', String(marker.count));
    inner.setAttribute('aria-hidden', 'true');
    return L.divIcon({
      html: inner,
      className: 'map-cluster',
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
  }
  const pin = el('span', 'map-pin__dot');
  pin.setAttribute('aria-hidden', 'true');
  const size = markerSize(marker);
  return L.divIcon({
    html: pin,
    className: 'map-pin',
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
    popupAnchor: [0, -12],
  });
}

/** The content of a popup, from text only. */
export function popupContent(model: PopupModel): HTMLElement {
  const root = el('div', 'map-popup');
  root.tabIndex = -1;
  const name = el('p', 'map-popup__name');
  name.append(el('strong', undefined, model.name));
  root.append(name);
  if (model.status) root.append(el('p', 'map-popup__status', model.status));
  root.append(el('p', 'map-popup__summary', model.summary));
  if (model.venue) root.append(el('p', 'map-popup__venue', t('map.popup.at', { venue: model.venue })));
  root.append(el('p', 'map-popup__next', model.next));
  if (model.from) root.append(el('p', 'map-popup__from', model.from));
  const more = el('p', 'map-popup__more');
  const link = el('a', undefined, t('map.popup.more', { name: model.name }));
  link.setAttribute('href', model.href);
  more.append(link);
  root.append(more);
  return root;
}

/** The content of a popup listing several groups at one place (a building many groups use). */
export function popupListContent(models: PopupModel[]): HTMLElement {
  const root = el('div', 'map-popup map-popup--list');
  root.tabIndex = -1;
  const head = el('p', 'map-popup__name');
  head.append(el('strong', undefined, t('map.popup.here', { count: models.length })));
  root.append(head);
  const list = el('ul', 'map-popup__list');
  for (const m of models) {
    const item = el('li');
    const link = el('a', undefined, m.name);
    link.setAttribute('href', m.href);
    item.append(link);
    if (m.status) item.append(el('span', 'map-popup__status', ` (${m.status})`));
    item.append(
      el('span', 'map-popup__venue', m.venue ? t('map.popup.atNext', { venue: m.venue, next: m.next }) : m.next),
    );
    if (m.from) item.append(el('span', 'map-popup__from', m.from));
    list.append(item);
  }
  root.append(list);
  return root;
}

/** A neighbourhood's label on the map, as text. */
export function labelContent(name: string): HTMLElement {
  return el('span', 'map-label__text', name);
}

/** HTML-escapes plain text for the few Leaflet options that only take HTML (the tile attribution from the site config). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
