// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"

#include "views.h"

#include <QApplication>
#include <csignal>

int synscopeTestMain(int argc, char **argv, QObject *test)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_FONT_DPI", "96");
    qputenv("QT_SCALE_FACTOR", "1");
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    views::installBundledFont(app);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(test, argc, argv);
}
