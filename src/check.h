/* check.h -- `jianbao check`: proofreading and archive consistency of issue files. */
#ifndef JIANBAO_CHECK_H
#define JIANBAO_CHECK_H

/*
 * Run `jianbao check [--format=json] [--series FILE] [FILE...]` with the
 * arguments after the command name.  Each finding goes through msg() with
 * its rule id; with no FILE every issues/YYYY/NN.md is checked.  Returns
 * the exit status: 0 when there are no errors (warnings allowed), 1 with
 * errors, 2 for a bad command line or unreadable series settings.
 */
int	 chk_main(int argc, char **argv);

#endif
