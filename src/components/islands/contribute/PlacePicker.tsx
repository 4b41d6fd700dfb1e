/**
 * "Tap the map where it meets": the book's neighbourhoods and the places its groups already meet,
 * a picture drawn at build time (src/lib/map/picker.ts, no map library, no tiles). A tap or click
 * fills in the venue's latitude and longitude and ticks the neighbourhood it falls in; a marker
 * shows the point the boxes hold, typed or picked. The boxes stay, for the keyboard and screen
 * readers; each pick is announced in a status line whose room is reserved (nothing moves).
 */
import { useMemo, useState, type MouseEvent } from 'react';
import { dotsOf, markerAt, pickAt, type Pick, type PickerMap } from '../../../lib/map/picker';

import { t } from '../../../lib/text/messages';

const marked = (lat: string, lng: string, area?: string) =>
  area
    ? t('contribute.picker.marked', { lat: short(lat), lng: short(lng), area })
    : t('contribute.picker.outside', { lat: short(lat), lng: short(lng) });
const short = (n: string) => Number(n).toFixed(2);

interface Props {
  map: PickerMap;
  place: string;
  /** The venue's element id prefix (for the label and hint). */
  idPrefix: string;
  lat: string;
  lng: string;
  onPick: (pick: Pick) => void;
}

export function PlacePicker({ map, place, idPrefix, lat, lng, onPick }: Props) {
  const [said, setSaid] = useState('');
  const { width, height } = map.frame;
  const marker = markerAt(map, lat, lng);
  const dots = useMemo(() => dotsOf(map), [map]);
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!r.width || !r.height) return;
    const p = pickAt(map, ((e.clientX - r.left) * width) / r.width, ((e.clientY - r.top) * height) / r.height);
    setSaid(marked(p.lat, p.lng, p.area?.name));
    onPick(p);
  };
  return (
    <div className="cf-picker">
      <p className="cf-picker__label" id={`${idPrefix}-picker`}>
        {t('contribute.picker.label')}
      </p>
      <p className="hint" id={`${idPrefix}-picker-hint`}>
        {t('contribute.picker.hint')}
      </p>
      {/* A pointer's shortcut: the latitude and longitude boxes below are the way for the keyboard. */}
      <svg
        className="cf-picker__svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={t('contribute.picker.map', { place })}
        onClick={pick}
      >
        <rect className="cf-picker__ground" width={width} height={height} />
        {map.areas.map((a) => (
          <path key={a.id} className="cf-picker__area" d={a.d} data-neighbourhood={a.id} />
        ))}
        {dots.map((v, i) => (
          <circle key={i} className="cf-picker__venue" cx={v.x} cy={v.y} r={3} />
        ))}
        {map.areas.map((a) => (
          <text key={a.id} className="cf-picker__name" x={a.label.x} y={a.label.y}>
            {a.name}
          </text>
        ))}
        {marker && (
          <g className="cf-picker__marker" data-marker="">
            <circle cx={marker.x} cy={marker.y} r={7} />
            <circle cx={marker.x} cy={marker.y} r={2} className="cf-picker__dot" />
          </g>
        )}
      </svg>
      <p className="cf-picker__said" role="status">
        {said}
      </p>
    </div>
  );
}
