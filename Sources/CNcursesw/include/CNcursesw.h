#ifndef CNCURSESW_H
#define CNCURSESW_H
// The only C Lede writes: ncursesw's globals and function-like macros as plain inline
// functions, which Swift 6 can import.
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>

static inline WINDOW *lede_stdscr(void) { return stdscr; }
static inline int lede_lines(void) { return LINES; }
static inline int lede_cols(void) { return COLS; }
static inline int lede_colors(void) { return COLORS; }
static inline attr_t lede_a_bold(void) { return A_BOLD; }
static inline attr_t lede_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lede_a_reverse(void) { return A_REVERSE; }
static inline attr_t lede_a_dim(void) { return A_DIM; }
static inline attr_t lede_a_italic(void) { return A_ITALIC; }
static inline attr_t lede_a_normal(void) { return A_NORMAL; }
static inline int lede_key_f(int n) { return KEY_F(n); }
static inline int lede_key_resize(void) { return KEY_RESIZE; }
static inline int lede_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t lede_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lede_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t lede_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t lede_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline int lede_color_pair(int n) { return COLOR_PAIR(n); }

/// Turns mouse reports on (wheel and button 1) or off. Returns 1 if the terminal has a mouse.
int lede_mouse(int on);

/// Reads the mouse report after KEY_MOUSE: position and button state. Returns 0 on success.
int lede_get_mouse(int *x, int *y, mmask_t *state);

/// Sets the locale from the environment; falls back to C.UTF-8 when its codeset is not
/// UTF-8, or non-ASCII text renders blank. Returns 1 when a UTF-8 locale is in force.
int lede_setup_locale(void);

/// Reads one key or character with a timeout in milliseconds. Returns OK (a character in
/// *ch), KEY_CODE_YES (a key code in *ch) or ERR (nothing came).
int lede_get_key(int timeout_ms, int *ch);

/// Puts back what lede_get_key read (rc and ch as it gave them), to be read again.
int lede_unget_key(int rc, int ch);

/// Starts curses for Lede: cbreak (so Ctrl-C and Ctrl-Z stay signals), no echo, keypad,
/// no cursor, short ESC delay. Returns 0 on success.
int lede_start(void);

/// Sets up colour pairs when the terminal has colours; returns 1 if it does.
int lede_start_colors(void);

static inline int lede_key_code_yes(void) { return KEY_CODE_YES; }
static inline int lede_key_up(void) { return KEY_UP; }
static inline int lede_key_down(void) { return KEY_DOWN; }
static inline int lede_key_left(void) { return KEY_LEFT; }
static inline int lede_key_right(void) { return KEY_RIGHT; }
static inline int lede_key_npage(void) { return KEY_NPAGE; }
static inline int lede_key_ppage(void) { return KEY_PPAGE; }
static inline int lede_key_home(void) { return KEY_HOME; }
static inline int lede_key_end(void) { return KEY_END; }
static inline int lede_key_backspace(void) { return KEY_BACKSPACE; }
static inline int lede_key_enter(void) { return KEY_ENTER; }

/// Puts one cell: a UTF-8 grapheme (NUL-terminated) with attributes and a colour pair.
int lede_put_cell(int y, int x, const char *utf8, attr_t attrs, short pair);

#endif
