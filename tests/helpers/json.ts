/**
 * A parsed JSON document whose shape a test is checking: the assertions are the type check, so
 * reading `doc.schedules[0].byday` needs no cast at each step.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test's expectations check the shape
export type Json = any;
