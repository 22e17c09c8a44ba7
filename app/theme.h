// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramoptions.h"

#include <QPalette>

// The window's colours follow the diagram's theme: a dark room gets no bright panels around a dark
// diagram, and the light theme (the one for projectors) is the desktop's own palette.
namespace Theme {
// Sets the whole application's palette for the theme.
void apply(DiagramTheme theme);
// The caption under the diagram: its background and text continue the diagram's.
QPalette captionPalette(DiagramTheme theme, QPalette palette);
} // namespace Theme
