/* zipout.c -- a ZIP package made in memory, its entries in a fixed order with fixed times, so the same parts give the same bytes. */
#include <stdlib.h>
#include <time.h>

#include <zip.h>

#include "util/util.h"

struct zipout {
	zip_source_t	*src;		/* the archive in memory */
	zip_t		*z;
	zip_error_t	 ze;
	int		 failed;
};

/*
 * The entries' time: SOURCE_DATE_EPOCH when set, else 1980-01-01 00:00,
 * the first a ZIP can hold.  DOS time has no zone, so the bytes do not
 * depend on TZ either.
 */
static void
dos_time(zip_uint16_t *t, zip_uint16_t *dt)
{
	struct tm	 tm;

	*t = 0;
	*dt = 1 << 5 | 1;
	if (outfile_epoch(&tm) == -1 || tm.tm_year < 80)
		return;
	*t = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
	*dt = (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 |
	    tm.tm_mday);
}

struct zipout *
zipout_new(void)
{
	struct zipout	*zo = xcalloc(1, sizeof(*zo));

	zip_error_init(&zo->ze);
	if ((zo->src = zip_source_buffer_create(NULL, 0, 0, &zo->ze)) == NULL ||
	    (zo->z = zip_open_from_source(zo->src, ZIP_TRUNCATE, &zo->ze)) ==
	    NULL)
		zo->failed = 1;
	else
		zip_source_keep(zo->src);
	return zo;
}

void
zipout_add(struct zipout *zo, const char *name, const void *data, size_t len,
    int store)
{
	zip_source_t	*s;
	zip_int64_t	 i;
	zip_uint16_t	 t, dt;

	if (zo->failed)
		return;
	if ((s = zip_source_buffer(zo->z, data, len, 0)) == NULL)
		goto fail;
	if ((i = zip_file_add(zo->z, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		goto fail;
	}
	dos_time(&t, &dt);
	if (zip_set_file_compression(zo->z, (zip_uint64_t)i, store ?
	    ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 1) == -1 ||
	    zip_file_set_dostime(zo->z, (zip_uint64_t)i, t, dt, 0) == -1)
		goto fail;
	return;
fail:
	zip_error_set(&zo->ze, zip_error_code_zip(zip_get_error(zo->z)), 0);
	zo->failed = 1;
}

int
zipout_finish(struct zipout *zo, struct buf *out, const struct jb_pos *pos,
    const char *path)
{
	zip_stat_t	 st;
	char		*b;
	int		 rc = -1;

	if (!zo->failed && zip_close(zo->z) == -1) {
		zip_error_set(&zo->ze, zip_error_code_zip(zip_get_error(zo->z)),
		    0);
		zo->failed = 1;
	}
	if (zo->failed) {
		if (zo->z != NULL)
			zip_discard(zo->z);
		goto out;
	}
	if (zip_source_stat(zo->src, &st) == 0 &&
	    zip_source_open(zo->src) == 0) {
		out->len = 0;
		buf_put(out, "", 0);
		b = xmalloc((size_t)st.size + 1);
		if (zip_source_read(zo->src, b, st.size) ==
		    (zip_int64_t)st.size) {
			buf_put(out, b, (size_t)st.size);
			rc = 0;
		}
		free(b);
		zip_source_close(zo->src);
	}
	if (rc == -1)
		zip_error_set(&zo->ze, ZIP_ER_READ, 0);
out:
	if (rc == -1)
		msg(MSG_WRITE, pos, path, zip_error_strerror(&zo->ze));
	zip_source_free(zo->src);
	zip_error_fini(&zo->ze);
	free(zo);
	return rc;
}
