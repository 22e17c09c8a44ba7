// SPDX-License-Identifier: GPL-3.0-or-later
#include "views.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>

namespace views {
void installBundledFont(QApplication &app)
{
    const int id = QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/DejaVuSans.ttf"));
    const QStringList families = QFontDatabase::applicationFontFamilies(id);
    if (!families.isEmpty()) {
        QFont font(families.first());
        font.setPointSizeF(10);
        app.setFont(font);
    }
}
} // namespace views
