/* sample-images.c -- draw the illustrative pictures of the sample issues (PNG via Cairo, baseline JPEG via libjpeg). */

/*
 * The sample issues need pictures that are ours to publish, so they are
 * drawn here rather than taken from anywhere.  Build and run from the top
 * of the repository:
 *
 *   cc -std=c11 -O2 -o /tmp/sample-images scripts/sample-images.c \
 *       $(pkg-config --cflags --libs cairo libjpeg)
 *   /tmp/sample-images
 *
 * The JPEGs are written with libjpeg's defaults (baseline, 4:2:0), the
 * kind an editor's camera produces and the PDF embeds without re-encoding.
 * The noise that makes them look like photographs comes from a fixed
 * seed, so every run writes the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>
#include <jpeglib.h>

#define TAU	6.283185307179586

static unsigned long	 seed = 12345;
static int		 W = 720, H = 450;	/* the picture being drawn */

static double
rnd(void)
{
	seed = seed * 1103515245UL + 12345UL;
	return (double)((seed >> 16) & 0x7fff) / 32768.0;
}

static void
rgb(cairo_t *cr, int hex)
{
	cairo_set_source_rgb(cr, ((hex >> 16) & 0xff) / 255.0,
	    ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0);
}

static void
rect(cairo_t *cr, int hex, double x, double y, double w, double h)
{
	rgb(cr, hex);
	cairo_rectangle(cr, x, y, w, h);
	cairo_fill(cr);
}

static void
sky(cairo_t *cr, int top, int bottom, double horizon)
{
	cairo_pattern_t	*p;

	p = cairo_pattern_create_linear(0, 0, 0, horizon);
	cairo_pattern_add_color_stop_rgb(p, 0, ((top >> 16) & 0xff) / 255.0,
	    ((top >> 8) & 0xff) / 255.0, (top & 0xff) / 255.0);
	cairo_pattern_add_color_stop_rgb(p, 1, ((bottom >> 16) & 0xff) / 255.0,
	    ((bottom >> 8) & 0xff) / 255.0, (bottom & 0xff) / 255.0);
	cairo_set_source(cr, p);
	cairo_rectangle(cr, 0, 0, W, horizon);
	cairo_fill(cr);
	cairo_pattern_destroy(p);
}

/* A standing figure seen from the front, feet at (x, y). */
static void
person(cairo_t *cr, double x, double y, double s, int coat, int vest)
{
	rect(cr, 0x2b2f3a, x - 5 * s, y - 28 * s, 4 * s, 28 * s);
	rect(cr, 0x2b2f3a, x + 1 * s, y - 28 * s, 4 * s, 28 * s);
	rect(cr, coat, x - 8 * s, y - 58 * s, 16 * s, 32 * s);
	if (vest >= 0)
		rect(cr, vest, x - 7 * s, y - 56 * s, 14 * s, 22 * s);
	rect(cr, coat, x - 11 * s, y - 56 * s, 3 * s, 24 * s);
	rect(cr, coat, x + 8 * s, y - 56 * s, 3 * s, 24 * s);
	rgb(cr, 0xe8c4a0);
	cairo_arc(cr, x, y - 66 * s, 7 * s, 0, TAU);
	cairo_fill(cr);
	rgb(cr, 0x1d1d1d);
	cairo_arc(cr, x, y - 68 * s, 7 * s, TAU / 2, TAU);
	cairo_fill(cr);
}

static void
tree(cairo_t *cr, double x, double y, double s)
{
	rect(cr, 0x6b4a2b, x - 3 * s, y - 30 * s, 6 * s, 30 * s);
	rgb(cr, 0x3f7d3a);
	cairo_arc(cr, x, y - 45 * s, 20 * s, 0, TAU);
	cairo_fill(cr);
	rgb(cr, 0x4e9446);
	cairo_arc(cr, x - 8 * s, y - 50 * s, 12 * s, 0, TAU);
	cairo_fill(cr);
}

static void
building(cairo_t *cr, double x, double y, double w, double h, int wall)
{
	double	 wx, wy;

	rect(cr, wall, x, y - h, w, h);
	for (wy = y - h + 12; wy < y - 24; wy += 26)
		for (wx = x + 10; wx + 14 < x + w - 6; wx += 24)
			rect(cr, 0xbcd3e6, wx, wy, 14, 14);
}

/* Sorting station: four bins under a shelter. */
static void
draw_bins(cairo_t *cr)
{
	static const int colors[] = { 0x2f6db5, 0x3a8d46, 0xc23b32, 0x6f7378 };
	int	 i;

	sky(cr, 0x9cc8ea, 0xe6f1f8, 300);
	building(cr, 20, 300, 160, 210, 0xd9cbb4);
	building(cr, 540, 300, 170, 240, 0xc9d2d8);
	rect(cr, 0xb9b2a6, 0, 300, W, 150);
	rect(cr, 0x9c968c, 0, 300, W, 8);
	rect(cr, 0x5b6770, 200, 150, 320, 16);
	rect(cr, 0x5b6770, 210, 166, 8, 150);
	rect(cr, 0x5b6770, 502, 166, 8, 150);
	rect(cr, 0xf4efe4, 230, 176, 260, 30);
	for (i = 0; i < 4; i++) {
		double	 x = 232 + i * 64;

		rect(cr, colors[i], x, 232, 52, 84);
		rect(cr, 0x2b2f3a, x - 2, 226, 56, 10);
		rect(cr, 0xffffff, x + 14, 258, 24, 24);
		rect(cr, colors[i], x + 19, 263, 14, 14);
	}
	person(cr, 140, 380, 1.4, 0x4a5a7a, 0xd8402a);
	person(cr, 600, 390, 1.5, 0x7a4a3a, -1);
	tree(cr, 80, 310, 1.3);
}

/* Volunteers guiding pedestrians at a zebra crossing. */
static void
draw_crossing(cairo_t *cr)
{
	int	 i;

	sky(cr, 0x7fb3e0, 0xd8e9f5, 230);
	building(cr, 0, 230, 150, 170, 0xd7c6ad);
	building(cr, 160, 230, 120, 130, 0xe2d9cc);
	building(cr, 470, 230, 140, 190, 0xc4ccd4);
	building(cr, 620, 230, 100, 150, 0xd9c3b0);
	rect(cr, 0x4b4f55, 0, 230, W, 220);
	for (i = 0; i < 9; i++)
		rect(cr, 0xf2f2ee, 70 + i * 66, 300, 40, 110);
	rect(cr, 0xa8a49b, 0, 230, W, 18);
	rect(cr, 0x303236, 640, 90, 8, 150);
	rect(cr, 0x1e1f22, 626, 70, 36, 80);
	rgb(cr, 0x3b3b3b);
	cairo_arc(cr, 644, 90, 10, 0, TAU);
	cairo_fill(cr);
	rgb(cr, 0x2fd25a);
	cairo_arc(cr, 644, 128, 10, 0, TAU);
	cairo_fill(cr);
	person(cr, 120, 300, 1.5, 0x39465e, 0xd63a2a);
	person(cr, 250, 380, 1.6, 0x6a5a48, -1);
	person(cr, 300, 386, 1.2, 0x4d7aa8, -1);
	person(cr, 420, 372, 1.6, 0x7d4b5e, -1);
	person(cr, 560, 300, 1.5, 0x39465e, 0xd63a2a);
	rect(cr, 0xd63a2a, 132, 230, 50, 16);
}

/* A community square after renovation: paving, trees, a notice board. */
static void
draw_square(cairo_t *cr)
{
	int	 i;

	sky(cr, 0xa9cfe9, 0xf0f5f7, 260);
	building(cr, 30, 260, 200, 200, 0xe3d6c2);
	building(cr, 250, 260, 180, 160, 0xd5dbe0);
	building(cr, 450, 260, 240, 220, 0xe0cdb8);
	rect(cr, 0xcfc7b8, 0, 260, W, 190);
	for (i = 0; i < 12; i++)
		rect(cr, 0xbdb4a3, 0, 270 + i * 15, W, 2);
	rect(cr, 0x8a2a22, 300, 270, 150, 80);
	rect(cr, 0xf4ead6, 310, 280, 130, 56);
	rect(cr, 0x5e5e5e, 318, 350, 6, 40);
	rect(cr, 0x5e5e5e, 426, 350, 6, 40);
	for (i = 0; i < 5; i++)
		tree(cr, 50 + i * 150, 300 + (i % 2) * 10, 1.2);
	person(cr, 200, 400, 1.4, 0x8a6a4a, -1);
	person(cr, 230, 405, 1.1, 0xc05a7a, -1);
	person(cr, 520, 410, 1.5, 0x39465e, 0xd63a2a);
	person(cr, 560, 412, 1.5, 0x5a7a3a, -1);
}

/* The points exchange shop: shelves of daily goods and a counter. */
static void
draw_shop(cairo_t *cr)
{
	static const int goods[] = { 0xd9503f, 0xf0b63c, 0x3f8fd9, 0x59b36a,
	    0xeae4d6, 0x9b6bd1 };
	int	 r, c;

	rect(cr, 0xf3ede2, 0, 0, W, H);
	rect(cr, 0xb8a88e, 0, 360, W, 90);
	rect(cr, 0xc8392f, 0, 0, W, 50);
	rect(cr, 0xf6d77a, 250, 14, 220, 22);
	for (r = 0; r < 4; r++) {
		rect(cr, 0x8c6b49, 40, 90 + r * 62, 420, 8);
		for (c = 0; c < 14; c++)
			rect(cr, goods[(r * 5 + c) % 6], 48 + c * 29,
			    90 + r * 62 - 34 - (c % 3) * 4, 22,
			    34 + (c % 3) * 4);
	}
	rect(cr, 0x8c6b49, 40, 90, 8, 250);
	rect(cr, 0x8c6b49, 452, 90, 8, 250);
	person(cr, 590, 330, 1.5, 0x39465e, 0xd63a2a);
	rect(cr, 0x6d523a, 500, 260, 190, 100);
	rect(cr, 0x8c6b49, 490, 250, 210, 14);
	person(cr, 420, 420, 1.5, 0x6a5a48, -1);
	person(cr, 460, 425, 1.2, 0xb04a5a, -1);
}

/* Lanterns and a banner over a lane for the Spring Festival. */
static void
draw_lanterns(cairo_t *cr)
{
	int	 i;

	sky(cr, 0x3d5f8f, 0x9fb9d4, 330);
	building(cr, 0, 330, 260, 220, 0xcab79c);
	building(cr, 460, 330, 260, 230, 0xbfb09a);
	rect(cr, 0x8e8b84, 0, 330, W, 120);
	rgb(cr, 0x2b2b2b);
	cairo_set_line_width(cr, 2);
	cairo_move_to(cr, 0, 80);
	cairo_curve_to(cr, 240, 140, 480, 140, W, 80);
	cairo_stroke(cr);
	for (i = 0; i < 8; i++) {
		double	 x = 50 + i * 88;
		double	 t = x / W;
		double	 wire = 80 + 180 * t * (1 - t);
		double	 y = wire + 14;

		rect(cr, 0x2b2b2b, x - 1, wire, 2, 14);
		rgb(cr, 0xd62b22);
		cairo_save(cr);
		cairo_translate(cr, x, y + 20);
		cairo_scale(cr, 1.0, 0.8);
		cairo_arc(cr, 0, 0, 22, 0, TAU);
		cairo_restore(cr);
		cairo_fill(cr);
		rect(cr, 0xe8b53c, x - 10, y - 4, 20, 6);
		rect(cr, 0xe8b53c, x - 10, y + 36, 20, 6);
		rect(cr, 0xe8b53c, x - 1, y + 42, 2, 14);
	}
	rect(cr, 0xc8392f, 200, 190, 320, 40);
	rect(cr, 0xf6d77a, 214, 204, 292, 12);
	person(cr, 300, 420, 1.5, 0x8a2a22, -1);
	person(cr, 340, 424, 1.1, 0xe0a030, -1);
	person(cr, 440, 420, 1.5, 0x39465e, 0xd63a2a);
}

/* A back lane after renovation: new paving, painted walls, planters. */
static void
draw_lane(cairo_t *cr)
{
	int	 i;

	sky(cr, 0x94c1e6, 0xe4eff7, 260);
	rect(cr, 0xcdbfa8, 300, 190, 120, 70);
	rect(cr, 0x7a5230, 350, 225, 20, 35);
	rgb(cr, 0xe4dccd);
	cairo_move_to(cr, 0, 0);
	cairo_line_to(cr, 300, 170);
	cairo_line_to(cr, 300, 260);
	cairo_line_to(cr, 0, 450);
	cairo_fill(cr);
	rgb(cr, 0xd6cbb8);
	cairo_move_to(cr, W, 0);
	cairo_line_to(cr, 420, 170);
	cairo_line_to(cr, 420, 260);
	cairo_line_to(cr, W, 450);
	cairo_fill(cr);
	rgb(cr, 0xa9a295);
	cairo_move_to(cr, 0, 450);
	cairo_line_to(cr, 300, 260);
	cairo_line_to(cr, 420, 260);
	cairo_line_to(cr, W, 450);
	cairo_fill(cr);
	rgb(cr, 0x8f897e);
	cairo_set_line_width(cr, 2);
	for (i = 1; i < 8; i++) {
		double	 t = i / 8.0;

		cairo_move_to(cr, 300 * (1 - t * t), 260 + 190 * t * t);
		cairo_line_to(cr, 420 + 300 * t * t, 260 + 190 * t * t);
	}
	cairo_stroke(cr);
	rect(cr, 0x7a5230, 60, 250, 70, 120);
	rect(cr, 0x7a5230, 590, 250, 70, 120);
	rect(cr, 0xbcd3e6, 150, 170, 60, 50);
	rect(cr, 0xbcd3e6, 510, 170, 60, 50);
	for (i = 0; i < 3; i++) {
		rect(cr, 0x8c6b49, 20 + i * 90, 390 - i * 40, 50, 24);
		tree(cr, 45 + i * 90, 392 - i * 40, 0.7);
		rect(cr, 0x8c6b49, 650 - i * 90, 390 - i * 40, 50, 24);
		tree(cr, 675 - i * 90, 392 - i * 40, 0.7);
	}
	person(cr, 340, 330, 1.0, 0x6a5a48, -1);
	person(cr, 390, 350, 1.2, 0x39465e, 0xd63a2a);
}

/* A grid worker enters a family's points in the ledger at their table. */
static void
draw_ledger(cairo_t *cr)
{
	int	 i;

	rect(cr, 0xefe6d4, 0, 0, W, H);
	rect(cr, 0xd8cbb2, 0, 0, W, 40);
	rect(cr, 0xb5894f, 0, 330, W, 120);
	rect(cr, 0xc8392f, 40, 60, 150, 90);
	rect(cr, 0xf6d77a, 52, 72, 126, 20);
	for (i = 0; i < 3; i++)
		rect(cr, 0xf4efe4, 52, 100 + i * 14, 126, 6);
	rect(cr, 0xbcd3e6, 420, 60, 140, 110);
	rect(cr, 0x8c6b49, 486, 60, 8, 110);
	person(cr, 180, 360, 2.0, 0x39465e, 0xd63a2a);
	person(cr, 450, 365, 2.0, 0x8a6a4a, -1);
	rect(cr, 0x7a5230, 90, 290, 420, 18);
	rect(cr, 0x6d523a, 110, 308, 14, 110);
	rect(cr, 0x6d523a, 476, 308, 14, 110);
	rect(cr, 0xfbf7ee, 250, 270, 110, 22);
	rect(cr, 0x3f8fd9, 250, 270, 110, 4);
	for (i = 0; i < 4; i++)
		rect(cr, 0x8f897e, 258, 278 + i * 4, 90 - i * 12, 1.5);
	rect(cr, 0x2b2f3a, 330, 262, 3, 14);
}

/* A volunteer sweeps leaves under a tree in front of a block (upright). */
static void
draw_sweep(cairo_t *cr)
{
	int	 i;

	sky(cr, 0x8fbfe6, 0xe8f1f7, 300);
	building(cr, 20, 300, 320, 250, 0xdcccb3);
	rect(cr, 0xa9a295, 0, 300, W, 150);
	for (i = 0; i < 5; i++)
		rect(cr, 0x98917f, 0, 320 + i * 26, W, 2);
	tree(cr, 70, 340, 1.6);
	for (i = 0; i < 9; i++)
		rect(cr, i % 2 ? 0xd9a03c : 0xc4702f, 150 + i * 17,
		    400 + (i % 3) * 6, 9, 5);
	person(cr, 250, 410, 1.8, 0x39465e, 0xd63a2a);
	rgb(cr, 0x6b4a2b);
	cairo_set_line_width(cr, 4);
	cairo_move_to(cr, 272, 318);
	cairo_line_to(cr, 222, 412);
	cairo_stroke(cr);
	rect(cr, 0xc9b07a, 204, 408, 34, 10);
}

/* Grain so the JPEGs compress like photographs, not flat drawings. */
static void
grain(cairo_surface_t *s)
{
	unsigned char	*d;
	int		 stride, x, y, k;

	cairo_surface_flush(s);
	d = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++) {
			int	 n = (int)(rnd() * 12) - 6;

			for (k = 0; k < 3; k++) {
				int	 v = d[y * stride + x * 4 + k] + n;

				d[y * stride + x * 4 + k] =
				    v < 0 ? 0 : v > 255 ? 255 : v;
			}
		}
	cairo_surface_mark_dirty(s);
}

static int
write_jpeg(cairo_surface_t *s, const char *path)
{
	struct jpeg_compress_struct	 c;
	struct jpeg_error_mgr		 e;
	unsigned char			*d, *row;
	FILE				*fp;
	int				 stride, x;

	if ((fp = fopen(path, "wb")) == NULL) {
		perror(path);
		return -1;
	}
	cairo_surface_flush(s);
	d = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	row = malloc(W * 3);
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, fp);
	c.image_width = W;
	c.image_height = H;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 80, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		const uint32_t	*px = (const uint32_t *)(d + c.next_scanline * stride);

		for (x = 0; x < W; x++) {
			row[x * 3] = (px[x] >> 16) & 0xff;
			row[x * 3 + 1] = (px[x] >> 8) & 0xff;
			row[x * 3 + 2] = px[x] & 0xff;
		}
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	return fclose(fp) == 0 ? 0 : -1;
}

static int
picture_sized(void (*draw)(cairo_t *), const char *path, int jpeg, int w,
    int h)
{
	cairo_surface_t	*s;
	cairo_t		*cr;
	int		 rc = -1;

	W = w;
	H = h;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cr = cairo_create(s);
	draw(cr);
	cairo_destroy(cr);
	if (jpeg) {
		grain(s);
		if (write_jpeg(s, path) == -1)
			goto out;
	} else if (cairo_surface_write_to_png(s, path) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "%s: cannot write\n", path);
		goto out;
	}
	rc = 0;
out:
	cairo_surface_destroy(s);
	return rc;
}

/* The usual picture, 16:10. */
static int
picture(void (*draw)(cairo_t *), const char *path, int jpeg)
{
	return picture_sized(draw, path, jpeg, 720, 450);
}

int
main(void)
{
	int	 rc = 0;

	rc |= picture(draw_bins, "issues/2025/images/07-fenlei.png", 0);
	rc |= picture(draw_crossing, "issues/2025/images/08-lukou.jpg", 1);
	rc |= picture(draw_square, "issues/2025/images/08-guangchang.png", 0);
	rc |= picture(draw_lane, "issues/2025/images/08-xiaoxiang.jpg", 1);
	rc |= picture(draw_shop, "issues/2026/images/01-jifen.jpg", 1);
	rc |= picture(draw_lanterns, "issues/2026/images/02-xinchun.png", 0);
	/* a photo row: a 4:3 picture beside an upright one */
	rc |= picture_sized(draw_ledger, "issues/2026/images/01-taizhang.jpg",
	    1, 600, 450);
	rc |= picture_sized(draw_sweep, "issues/2026/images/01-qingsao.jpg",
	    1, 360, 450);
	return rc ? 1 : 0;
}
