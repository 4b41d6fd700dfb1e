/** The English words of /open-data/ (src/pages/open-data/index.astro): see ../messages-en.ts. */
export const EN_OPEN_DATA = {
  'page.openData.description':
    'The {title} as open data: Open Referral (HSDS {version}), CSV, GeoJSON, calendars and a feed.',
  'page.openData.file.api': 'Open Referral UK API (JSON)',
  'page.openData.file.csv': 'All entries (CSV)',
  'page.openData.file.geojson': 'Venues (GeoJSON)',
  'page.openData.file.feed': 'Recently checked entries (Atom feed)',
  'page.openData.lead':
    'Everything in {title} is published as open data, in formats other systems can read without anyone running a server.',
  'page.openData.built':
    'The files are written when the site is built. They change only when the entries change: nothing in them records when they were built.',
  'page.openData.licence': 'Licence',
  'page.openData.licence.under': 'The data is published under the',
  'page.openData.licence.may':
    '. You may copy, publish and adapt it, including commercially, if you say where it came from, for example: “Contains data from {title}, published by {publisher}.”',
  'page.openData.contacts':
    'The contacts in the data are the public contacts that groups asked to be listed. There is no information about the people who use the book.',
  'page.openData.files': 'The files',
  'page.openData.or': 'Open Referral UK (HSDS {version})',
  'page.openData.orName': 'Open Referral UK',
  'page.openData.or.asked': 'Councils are asked to publish service directories as',
  'page.openData.or.built':
    ', which is built on the Human Services Data Specification (HSDS). This book publishes an Open Referral UK {version} API as static files: give',
  'page.openData.or.give':
    'to the Open Referral UK validator or to a system that reads the API. Each address answers as the API does, in JSON, and any web page may read it:',
  'page.openData.api.root': 'The version and profile the feed follows',
  'page.openData.api.rootEnd': ': Open Referral UK {version}.',
  'page.openData.api.services': 'The list of services',
  'page.openData.api.servicesCount': {
    one: ': {count} entry, all on one page (the page number in an address is ignored). It lists entries that are running or temporarily closed',
    other:
      ': {count} entries, all on one page (the page number in an address is ignored). It lists entries that are running or temporarily closed',
  },
  'page.openData.api.leavesOut': {
    one: 'and leaves out the {count} closed entry',
    other: 'and leaves out the {count} closed entries',
  },
  'page.openData.api.service': 'One service in full',
  'page.openData.api.serviceWhat':
    ': organisation, venues with addresses and accessibility, schedules, costs, contacts and phones, languages, areas served and categories. Closed entries keep their record, with status',
  'page.openData.api.serviceLinks': ', so saved links still work.',
  'page.openData.forExample': 'For example:',
  'page.openData.api.sal': 'Each venue of each service: the list, and one in full with its location and service',
  'page.openData.api.salExample': '(for example',
  'page.openData.api.at': '{name} at {venue}',
  'page.openData.api.taxonomies':
    "The book's categories, and the terms of the Local Government Association's lists (esd.org.uk) they match, each with its own address under",
  'page.openData.and': 'and',
  'page.openData.first': 'The first addresses of the feed still work:',
  'page.openData.ids':
    "Ids are UUIDs (version 5) made from this site's address and each entry's id, so they stay the same from one build to the next and never clash with another directory's. The CSV's id and hsds_id columns pair each entry with its service id.",
  'page.openData.schedules': 'Schedules use the iCalendar fields:',
  'page.openData.schedules.or': 'or',
  'page.openData.schedules.byday': 'for the 2nd Monday and last Friday',
  'page.openData.schedules.oneOff':
    '. One-off dates are one schedule each. Each schedule also says when it is in plain words, in',
  'page.openData.times': 'Times',
  'page.openData.times.are': 'are UK local time (Europe/London), written',
  'page.openData.dates': '. Dates are',
  'page.openData.assured': 'is the day the details were last checked with the group;',
  'page.openData.modified': ', when the entry last changed.',
  'page.openData.noField':
    'Open Referral UK has no field for how to join, who a service is for, how it is delivered, the languages spoken or contact phone numbers: the',
  'page.openData.noField.gives': 'gives them in words after the summary, and the HSDS fields hold them too.',
  'page.openData.checked':
    "Every file is checked against the official HSDS {version} and Open Referral UK {version} schemas in the project's tests, and the Open Referral UK validator's checks are replayed against the built site.",
  'page.openData.csv': 'All entries as a spreadsheet (CSV)',
  'page.openData.csv.rows': {
    one: 'has a header row and one row for each of the {count} entry, closed ones included (see the',
    other: 'has a header row and one row for each of the {count} entries, closed ones included (see the',
  },
  'page.openData.csv.rfc':
    'column). It follows RFC 4180: UTF-8, commas between fields, double quotes around fields that contain commas, quotes or line breaks.',
  'page.openData.csv.safe': 'To keep spreadsheets safe, a text cell that starts with',
  'page.openData.csv.formula': '(which a spreadsheet could run as a formula) starts with a single quote',
  'page.openData.csv.phone': ', so a phone number written',
  'page.openData.csv.appears': 'appears as',
  'page.openData.csv.remove': '. Remove the quote if you load the file into a database.',
  'page.openData.csv.columns': 'The columns of entries.csv, in order',
  'page.openData.csv.column': 'Column',
  'page.openData.csv.holds': 'What it holds',
  'page.openData.geojson': 'Venues on a map (GeoJSON)',
  'page.openData.geojson.points': {
    one: "has a point for each of the {count} venue of the entries that are running or temporarily closed (closed entries are left out, so the map shows places where something happens). Each point has the entry's id and HSDS id, its name, the venue's name, address and postcode, its status, categories and its page. Open it in QGIS, geojson.io or any web map.",
    other:
      "has a point for each of the {count} venues of the entries that are running or temporarily closed (closed entries are left out, so the map shows places where something happens). Each point has the entry's id and HSDS id, its name, the venue's name, address and postcode, its status, categories and its page. Open it in QGIS, geojson.io or any web map.",
  },
  'page.openData.calendars': 'Calendars',
  'page.openData.calendars.each':
    'Every entry with regular sessions has an “Add to calendar” link on its page. Each neighbourhood has a calendar of what is on there (the groups that name it; services for the whole of {place} are left out):',
  'page.openData.calendars.on': "What's on in {name}",
  'page.openData.calendars.how':
    'Download a file to add the sessions once, or subscribe to its address so your calendar follows changes: in Google Calendar choose “Other calendars”, then “From URL”; in Outlook, “Add calendar”, then “Subscribe from web”; on an iPhone, Settings, Calendar, Accounts, “Add subscribed calendar”. Regular sessions repeat (weekly, every few weeks, or on days of the month), at UK local time, leaving out the bank holidays a group does not meet on and the weeks it is closed before it reopens. When an entry changes, its events say so (a higher',
  'page.openData.calendars.seq': '), so a subscribed calendar replaces the old times.',
  'page.openData.feed': 'Recently checked entries (Atom)',
  'page.openData.feed.lists': {
    one: 'lists the {count} entry whose details were checked most recently, newest first. Add it to a feed reader to follow new and updated entries.',
    other:
      'lists the {count} entries whose details were checked most recently, newest first. Add it to a feed reader to follow new and updated entries.',
  },
  'page.openData.more': 'For search engines and other sites',
  'page.openData.sitemap': 'lists every page.',
  'page.openData.jsonld':
    'Each entry page carries schema.org data (JSON-LD): the organisation, its service and how it is delivered, and its sessions as an event series with the next dates.',
  'page.openData.figures': 'The figures behind the',
  'page.openData.insight': 'insight page',
  'page.openData.figuresFrom': 'can be worked out from these files.',
  'page.openData.software': 'The software is open source:',
  'page.openData.source': 'see the source code',
  'page.openData.mistake': '. Found a mistake in the data? Tell us at',
  // What each CSV column holds (src/lib/exports/csv.ts `CSV_COLUMNS`), listed on the page
  'page.openData.column.id': 'The entry id (its file name and the end of its web address).',
  'page.openData.column.hsds_id':
    'The service id in the Open Referral feed (a UUID that stays the same while the site keeps its address).',
  'page.openData.column.name': 'The name of the group or service.',
  'page.openData.column.summary': 'One sentence about what happens.',
  'page.openData.column.organisation': 'The organisation that runs it, if any.',
  'page.openData.column.status': 'Running, Temporarily closed or Closed.',
  'page.openData.column.alert': 'A notice shown at the top of the entry.',
  'page.openData.column.categories': 'Category ids, separated by "; ".',
  'page.openData.column.category_names': 'Category names, separated by "; ".',
  'page.openData.column.neighbourhoods': 'Neighbourhood ids, or borough-wide.',
  'page.openData.column.join': 'How to take part.',
  'page.openData.column.delivery': 'In person, online, by phone, home visits.',
  'page.openData.column.min_age': 'Youngest age welcome, in years (empty: any).',
  'page.openData.column.max_age': 'Oldest age welcome, in years (empty: no limit).',
  'page.openData.column.audience': 'Who it is especially for.',
  'page.openData.column.eligibility': 'Who can take part, if there are rules.',
  'page.openData.column.cost': 'Cost in one line: Free, £2.50 per session, Ask about cost.',
  'page.openData.column.free': 'yes when it is free, no when it costs, empty when not given.',
  'page.openData.column.accessibility': 'Accessibility features.',
  'page.openData.column.languages': 'Languages spoken, as two-letter codes.',
  'page.openData.column.venues': 'Venue names, separated by " | ".',
  'page.openData.column.addresses': 'Venue addresses, in the same order, separated by " | ".',
  'page.openData.column.postcodes': 'Venue postcodes, in the same order, separated by " | ".',
  'page.openData.column.latitude': 'Latitude of the first venue.',
  'page.openData.column.longitude': 'Longitude of the first venue (negative: west).',
  'page.openData.column.schedules': 'When it meets, in words, separated by " | ".',
  'page.openData.column.phones': 'Phone numbers, separated by "; ".',
  'page.openData.column.emails': 'Email addresses, separated by "; ".',
  'page.openData.column.website': "The group's own website.",
  'page.openData.column.last_verified': 'The day the details were last checked, YYYY-MM-DD.',
  'page.openData.column.verified_by': 'Who checked them.',
  'page.openData.column.url': "The entry's page in this book.",
} as const;
