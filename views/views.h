// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace views {
// Loads the bundled font and makes it the application font, so the picture is the same on every
// machine (and in the tests).
void installBundledFont(QApplication &app);
} // namespace views
