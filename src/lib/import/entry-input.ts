/** The shapes of an entry's front matter as the importer builds them (the schema's input types). */
import type { EntryInput, ScheduleInput } from '../../schema/entry';

export type { EntryInput, ScheduleInput };
export type VenueInput = NonNullable<EntryInput['venues']>[number];
export type ContactInput = NonNullable<EntryInput['contacts']>[number];
export type CostInput = NonNullable<EntryInput['cost']>;
