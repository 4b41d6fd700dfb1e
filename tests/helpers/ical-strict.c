/*
 * Test helper (not a test file): libical's strict check of iCalendar files, as a calendar server
 * or client built on libical reads them. For each file named on the command line:
 *   1. icalparser_parse_string: the parser; what it cannot read becomes X-LIC-ERROR properties;
 *   2. icalrestriction_check: RFC 5545 / RFC 5546 restrictions (which properties a component
 *      must, may or must not have, for the calendar's METHOD or for none);
 *   3. every X-LIC-ERROR left in the tree is a problem.
 * Prints "OK <file>" or "FAIL <file>: <problem>" lines; exits 1 when any file fails.
 * Built by tests/unit/exports/calendar-strict.test.ts with: cc ical-strict.c $(pkg-config --cflags --libs libical)
 */
#include <stdio.h>
#include <stdlib.h>
#include <libical/ical.h>

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc(n + 1);
  if (fread(buf, 1, n, f) != (size_t)n) n = 0;
  buf[n] = 0;
  fclose(f);
  return buf;
}

/* Prints every X-LIC-ERROR under c; returns how many. */
static int report(icalcomponent *c, const char *path) {
  int count = 0;
  for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    printf("FAIL %s: %s in %s\n", path, icalproperty_get_xlicerror(p), icalcomponent_kind_to_string(icalcomponent_isa(c)));
    count++;
  }
  for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
       k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
    count += report(k, path);
  return count;
}

int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; i++) {
    char *text = slurp(argv[i]);
    icalcomponent *cal = text ? icalparser_parse_string(text) : NULL;
    if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
      printf("FAIL %s: not one VCALENDAR\n", argv[i]);
      failed++;
    } else {
      int ok = icalrestriction_check(cal);
      int problems = report(cal, argv[i]);
      if (!ok && !problems) printf("FAIL %s: restriction check failed\n", argv[i]);
      if (!ok || problems) failed++;
      else printf("OK %s\n", argv[i]);
    }
    if (cal) icalcomponent_free(cal);
    free(text);
  }
  return failed ? 1 : 0;
}
