/* check.h -- `jianbao check`: proofreading and archive consistency of issue files. */
#ifndef JIANBAO_CHECK_H
#define JIANBAO_CHECK_H

/*
 * Run `jianbao check` on the nfiles files in the series file series.
 * Each finding goes through msg() with its rule id, in the format the
 * caller chose with msg_set_format(); with no files every
 * issues/YYYY/NN.md is checked.  Returns the exit status: 0 when there are
 * no errors (warnings allowed), 1 with errors, 2 for unreadable series
 * settings.
 */
int	 chk_main(const char *series, int nfiles, char **files);

#endif
