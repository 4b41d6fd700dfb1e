/**
 * A read-only preview of the entry page, as the volunteer types. Everything is a React text node;
 * the description is shown as plain paragraphs (Markdown is not turned into HTML here).
 * Schedules and cost are put through the schema's own parts so the wording matches the site
 * (describeSchedule, costLabel); parts that are not complete yet are left out.
 */
import {
  ACCESSIBILITY_LABELS,
  AUDIENCE_LABELS,
  DELIVERY_LABELS,
  JOIN_LABELS,
  LANGUAGES,
  STATUS_LABELS,
  type Accessibility,
  type Audience,
  type DeliveryMode,
  type JoinRoute,
  type Language,
} from '../../../schema/vocab';
import { describeSchedule } from '../../../lib/schedule/describe';
import { ageLabel, costLabel, venueAddress } from '../../../lib/view/format';
import { longDate } from '../../../lib/calendar/words';
import { draftToInput, scheduleInput, type EntryDraft } from '../../../lib/authoring/entry-draft';
import type { BookContext } from './keys';
import { useChecker } from './checker';
import { areaName } from '../../../lib/book/area';
import { t } from '../../../lib/text/messages';

function age(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Preview({ draft, book }: { draft: EntryDraft; book: BookContext }) {
  // The schema reads schedules and costs; it loads with the form's checker, on first use.
  const check = useChecker();
  const catName = new Map(book.categories.map((c) => [c.id, c.name]));
  const hoodName = new Map(book.neighbourhoods.map((n) => [n.id, n.name]));
  const schedules = draft.schedules
    .map((s) => {
      const input = scheduleInput(s);
      const parsed = input && check ? check.scheduleSchema.safeParse(input) : undefined;
      return parsed?.success ? { text: describeSchedule(parsed.data), note: parsed.data.note } : undefined;
    })
    .filter((s) => s !== undefined);
  const costInput = draftToInput(draft).cost;
  const cost = costInput && check ? check.costSchema.safeParse(costInput) : undefined;
  const venues = draft.venues.filter((v) => v.name.trim() || v.address.trim());
  const paragraphs = draft.description
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const minAge = age(draft.minAge);
  const maxAge = age(draft.maxAge);
  const modes = draft.delivery.map((m) => DELIVERY_LABELS[m as DeliveryMode] ?? m).join(', ');
  const checked = longDate(draft.lastVerified.trim()) || '…';

  return (
    <div className="cf-preview__page">
      <h3 className="cf-preview__name">
        {draft.name.trim() || <span className="secondary">{t('contribute.pv.name')}</span>}
      </h3>
      {draft.status !== 'active' && (
        <div className={`notice ${draft.status === 'closed' ? 'notice--closed' : 'notice--warning'}`}>
          <p>
            <strong>{STATUS_LABELS[draft.status]}.</strong>{' '}
            {draft.alert.trim() || t(draft.status === 'closed' ? 'contribute.pv.closed' : 'contribute.pv.check')}
          </p>
        </div>
      )}
      {draft.status === 'active' && draft.alert.trim() && (
        <div className="notice notice--warning">
          <p>{draft.alert.trim()}</p>
        </div>
      )}
      <p className="lead">{draft.summary.trim() || <span className="secondary">{t('contribute.pv.summary')}</span>}</p>
      {draft.organisation.trim() && (
        <p className="secondary">{t('contribute.pv.runBy', { name: draft.organisation.trim() })}</p>
      )}
      {draft.categories.length > 0 && (
        <ul className="tags" aria-label={t('contribute.pv.categories')}>
          {draft.categories.map((c) => (
            <li key={c}>
              <span className="tag">{catName.get(c) ?? c}</span>
            </li>
          ))}
        </ul>
      )}

      <h4>{t('contribute.pv.when')}</h4>
      {schedules.length ? (
        <ul className="link-list">
          {schedules.map((s, i) => (
            <li key={i}>
              {s.text}
              {s.note && <span className="secondary"> – {s.note}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('contribute.pv.noSessions')}</p>
      )}

      <h4>{t('contribute.pv.where')}</h4>
      {draft.delivery.includes('in-person') && venues.length ? (
        <ul className="link-list">
          {venues.map((v, i) => (
            <li key={i}>
              <strong>{v.name.trim()}</strong>
              <br />
              {venueAddress({
                address: v.address.trim(),
                town: v.town.trim(),
                postcode: v.postcode.trim().toUpperCase(),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {draft.delivery.length
            ? draft.delivery.includes('in-person')
              ? modes
              : t('contribute.pv.noVenue', { modes })
            : t('contribute.pv.notYet')}
        </p>
      )}
      {draft.neighbourhoods.length > 0 && (
        <p>
          {t('contribute.pv.area', {
            areas: draft.neighbourhoods.map((n) => areaName(n, book.place, hoodName)).join(', '),
          })}
        </p>
      )}

      <h4>{t('contribute.pv.details')}</h4>
      <dl className="summary-list">
        <Row label={t('contribute.pv.cost')}>{cost?.success ? costLabel(cost.data) : t('contribute.pv.askCost')}</Row>
        <Row label={t('contribute.pv.join')}>
          {draft.join.length
            ? draft.join.map((j) => JOIN_LABELS[j as JoinRoute] ?? j).join('; ')
            : t('contribute.pv.notYet')}
        </Row>
        <Row label={t('contribute.pv.whoFor')}>
          {ageLabel(minAge, maxAge)}
          {draft.audience.length > 0 &&
            t('contribute.pv.especially', {
              audiences: draft.audience.map((a) => AUDIENCE_LABELS[a as Audience] ?? a).join(', '),
            })}
          {draft.eligibility.trim() && <span className="cf-block small">{draft.eligibility.trim()}</span>}
        </Row>
        <Row label={t('contribute.pv.accessibility')}>
          {draft.accessibility.length
            ? draft.accessibility.map((a) => ACCESSIBILITY_LABELS[a as Accessibility] ?? a).join(', ')
            : t('contribute.pv.askAccess')}
        </Row>
        <Row label={t('contribute.pv.languages')}>
          {(draft.languages.length ? draft.languages : ['en']).map((l) => LANGUAGES[l as Language] ?? l).join(', ')}
        </Row>
      </dl>

      <h4>{t('contribute.pv.contact')}</h4>
      {draft.contacts.some((c) => c.phone.trim() || c.email.trim()) || draft.website.trim() ? (
        <ul className="link-list">
          {draft.contacts
            .filter((c) => c.phone.trim() || c.email.trim())
            .map((c, i) => (
              <li key={i}>
                {c.name.trim() && <strong>{c.name.trim()}: </strong>}
                {[
                  c.phone.trim() && t('contribute.pv.phone', { phone: c.phone.trim() }),
                  c.email.trim() && t('contribute.pv.email', { email: c.email.trim() }),
                ]
                  .filter(Boolean)
                  .join(', ')}
              </li>
            ))}
          {draft.website.trim() && <li>{t('contribute.pv.website', { website: draft.website.trim() })}</li>}
        </ul>
      ) : (
        <p className="secondary">{t('contribute.pv.noContact')}</p>
      )}

      <h4>{t('contribute.pv.about')}</h4>
      {paragraphs.length ? (
        paragraphs.map((p, i) => (
          <p key={i} className="cf-pre-line">
            {p}
          </p>
        ))
      ) : (
        <p className="secondary">{t('contribute.pv.description')}</p>
      )}

      <p className="secondary small">
        {draft.verifiedBy.trim()
          ? t('contribute.pv.checkedBy', { date: checked, who: draft.verifiedBy.trim() })
          : t('contribute.pv.checked', { date: checked })}
      </p>
    </div>
  );
}
