/** The English words of the pages of prose (about, accessibility, privacy): see ../messages-en.ts. */
export const EN_PROSE = {
  'page.about.title': 'About',
  'page.about.heading': 'About {title}',
  'page.about.lead':
    "A community book is a directory of the groups, activities and support in {place}: walking groups, lunch clubs, carers' cafés, debt advice, toddler groups and much more.",
  'page.about.for':
    'It is for residents looking for something to do or someone to talk to, and for the people who support them — key workers, social prescribers, nurses, health visitors, police community support officers, housing and voluntary-sector staff — so they can link a person to the right support in their own neighbourhood.',
  'page.about.upToDate': 'Who keeps it up to date',
  'page.about.checked':
    'Entries are written and corrected by volunteers and checked by {publisher}. Each entry says when its details were last checked. If something is wrong, use the "Suggest a change" link on the entry, or email',
  'page.about.contribute': 'Add your group or correct an entry',
  'page.about.open': 'Open source, open data',
  'page.about.software': 'The software is open source',
  'page.about.source': 'source code',
  'page.about.published': ', and the directory is published as',
  'page.about.format': 'in the Open Referral UK format so other services can use it.',

  'page.accessibility.lead': '{publisher} wants as many people as possible to be able to use this website.',
  'page.accessibility.able': 'You should be able to:',
  'page.accessibility.zoom':
    'zoom in up to 400% without the text spilling off the screen, and use it on a screen 320 pixels wide;',
  'page.accessibility.keyboard': 'get to every part of the site using just a keyboard, with a visible focus;',
  'page.accessibility.reader': 'use it with a screen reader (NVDA, JAWS, VoiceOver and TalkBack);',
  'page.accessibility.map':
    'find every group without the map: every map has a list beside it, and every group is in the A to Z;',
  'page.accessibility.print': 'print any page without menus or buttons.',
  'page.accessibility.how': 'How accessible this website is',
  'page.accessibility.aim':
    'We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page type is checked with automated tests (axe-core) on each change, and by hand with a keyboard.',
  'page.accessibility.limits': 'Known limitations:',
  'page.accessibility.tiles':
    'Map tiles come from a third party and may not be fully accessible; the list beside the map gives the same information.',
  'page.accessibility.js':
    'Search, the map and "my list" need JavaScript. Without it, use the A to Z, neighbourhood and category pages.',
  'page.accessibility.volunteers':
    'Descriptions are written by volunteers; some may be unclear. Tell us and we will fix them.',
  'page.accessibility.reporting': 'Reporting problems',
  'page.accessibility.email': 'If you find a problem, email',
  'page.accessibility.reply': '. We aim to reply within 5 working days.',
  'page.accessibility.enforcement': 'Enforcement procedure',
  'page.accessibility.ehrc':
    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you're not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).",

  'page.privacy.heading': 'Privacy notice',
  'page.privacy.lead':
    'This website does not collect, store or send any information about you or the people you support.',
  'page.privacy.notDo': 'What we do not do',
  'page.privacy.noAccounts': 'No accounts, no sign-in, no forms that send information to us.',
  'page.privacy.noCookies': 'No cookies.',
  'page.privacy.noAnalytics': 'No analytics or tracking of any kind.',
  'page.privacy.noThirdParty': 'No third-party requests, except map tiles (see below).',
  'page.privacy.stays': 'What stays in your browser',
  'page.privacy.list.lead': 'My list:',
  'page.privacy.list.text':
    "the groups you add are kept in your browser's local storage on this device, as a list of entry ids only (the last part of a group's web address). Nothing else is stored. Anyone who uses this device can see the list. Clear it from the My list page, or by clearing your browser's site data.",
  'page.privacy.shared.lead': 'Shared lists:',
  'page.privacy.shared.text':
    "a shared link holds only entry ids, after a #. Browsers do not send that part of a link to any server, so it never appears in a server log. To show the list, your browser downloads the groups' details in batches that each hold many groups, so the server cannot tell which groups are on it.",
  'page.privacy.printing.lead': 'Printing:',
  'page.privacy.printing.text':
    'a name or note you type when printing a support plan is only put on the page for printing. It is never saved or added to a link.',
  'page.privacy.handover.lead': 'Introducing someone to a group:',
  'page.privacy.handover.text':
    'the first name, contact details and note you type are put only into the message your own email or text-message app opens, for you to check and send. This site does not save them, send them or put them in its address.',
  'page.privacy.banner.lead': 'Hiding the example-data message:',
  'page.privacy.banner.text':
    'when you press "Hide", a flag saying so is kept in this tab\'s session storage until you close the tab. It says nothing about you.',
  'page.privacy.offline.lead': 'Offline copy:',
  'page.privacy.offline.text':
    "the search index, the pages you visit and the details of groups on your list are kept in your browser's cache so they work without signal. They hold no personal information, but like your browser history they show which pages were opened on this device. Clearing your browser's site data removes them.",
  'page.privacy.near.lead': 'Near me:',
  'page.privacy.near.text':
    'if you press "Near me" on the map, your browser asks before sharing your location. It is used on this device to sort the list, and never sent anywhere.',
  'page.privacy.tiles': 'Map tiles',
  'page.privacy.tilesText':
    'The background map pictures come from {host}. When you open a map, your browser asks that server for the pictures, which tells it your IP address and which area you are looking at, as with any website. Their privacy policy applies. The markers, boundaries and list work without them.',
  'page.privacy.questions': 'Questions:',

  // The insight page (src/pages/insight.astro)
  'page.insight.title': 'Insight: where support is thin',
  'page.insight.description':
    'Entries per need in each neighbourhood of {place}, the gaps, and how recently entries were checked.',
  'page.insight.lead':
    'How many groups and services meet each need in each neighbourhood, where there are none, and how recently their details were checked.',
  'page.insight.noGaps': 'Every neighbourhood has at least one entry for every need.',
  'page.insight.gaps': {
    one: 'There is {count} gap: a need with no entry in a neighbourhood.',
    other: 'There are {count} gaps: a need with no entry in a neighbourhood.',
  },
  'page.insight.marked': 'Gaps are marked with the words',
  'page.insight.gap': '0 (gap)',
  'page.insight.noneGap': 'none (gap)',
  'page.insight.how': 'How these numbers are counted',
  'page.insight.how.running': 'Entries that are running or temporarily closed are counted; closed ones are not.',
  'page.insight.how.area':
    'A neighbourhood counts the entries that name it. Services for the whole of {place} (helplines, online services) are counted once, in their own section, so they do not hide local gaps.',
  'page.insight.how.need':
    'An entry counts once for each need (top-level category) it meets, through the need itself or any of its sub-categories.',
  'page.insight.how.checked':
    "“Checked” is how long ago someone last confirmed an entry's details, in whole months up to {date}. After 12 months an entry is marked as possibly out of date.",
  'page.insight.same': 'The same figures can be worked out from the',
  'page.insight.glance': 'Gaps at a glance',
  'page.insight.glanceCaption': 'Entries per need in each neighbourhood. “0 (gap)” means no entry.',
  'page.insight.scroll': 'On a small screen, scroll the table sideways.',
  'page.insight.area': 'Area',
  'page.insight.all': 'All entries',
  'page.insight.checked': 'How recently entries were checked',
  'page.insight.checkedCaption': 'Entries by how long ago their details were last checked.',
  'page.insight.recent': 'Under 6 months',
  'page.insight.middle': '6 to 12 months',
  'page.insight.old': '12 months or more',
  'page.insight.each': 'Each area',
  'page.insight.names': { one: '{count} entry names {name}.', other: '{count} entries name {name}.' },
  'page.insight.see': 'See what is in {name}',
  'page.insight.serves': {
    one: '{count} entry serves the whole of {place}.',
    other: '{count} entries serve the whole of {place}.',
  },
  'page.insight.perNeed': 'Entries per need: {name}',
  'page.insight.need': 'Need',
  'page.insight.entries': 'Entries',
  'page.insight.subGaps': {
    one: '{count} more specific need has no entry in {name}',
    other: '{count} more specific needs have no entry in {name}',
  },
  // The words of /contribute/ around the form (the form itself is not yet in the messages)
  'page.contribute.issueTitle': 'Add: ',
  'page.contribute.description': 'Add your group to {title}, or correct an entry.',
  'page.contribute.lead':
    'Anyone can add a group, activity or service in {place}. A maintainer checks every addition before it appears.',
  'page.contribute.correcting': 'Correcting an entry',
  'page.contribute.goTo': "Go to the entry's page (find it by",
  'page.contribute.search': 'search',
  'page.contribute.orIn': 'or in the',
  'page.contribute.use': ') and use',
  'page.contribute.bottom': 'at the bottom. Or email',
  'page.contribute.adding': 'Adding a group',
  'page.contribute.fill':
    'Fill in the form below; it takes about ten minutes. It checks the details as you go and shows how the page will look. When everything is right you send it:',
  'page.contribute.github':
    'with a free GitHub account: the form opens GitHub with your entry filled in, and you press three buttons;',
  'page.contribute.email': 'or by email, if you would rather not use GitHub.',
  'page.contribute.stays':
    "What you type stays in your browser until you send it. Please only include a person's own phone number or email if they have agreed to it being published.",
  'page.contribute.help': 'More help:',
  'page.contribute.guide': 'the guide for contributors',
  'page.contribute.noscript':
    'The form needs JavaScript, which is turned off or not working in your browser. You can still add a group:',
  'page.contribute.issue': 'tell us about it on GitHub',
  'page.contribute.issueOr': ', or',
  'page.contribute.emailTo': 'email the details to',
} as const satisfies Record<string, string | { one: string; other: string }>;
