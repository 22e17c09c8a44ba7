// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"

#include "views.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <csignal>

int synscopeTestMain(int argc, char **argv, QObject *test, const char *screens)
{
    QByteArray platform = "offscreen";
    // Qt's offscreen platform reads its screens from a file (Qt 6.4: "configfile=").
    QTemporaryFile config;
    if (screens) {
        QJsonArray list {QJsonObject {{QStringLiteral("name"), QStringLiteral("screen-800x600")},
                                      {QStringLiteral("x"), 0},
                                      {QStringLiteral("y"), 0},
                                      {QStringLiteral("width"), 800},
                                      {QStringLiteral("height"), 600},
                                      {QStringLiteral("logicalDpi"), 96}}};
        int x = 800;
        for (const QByteArray &size : QByteArray(screens).split(' ')) {
            const QList<QByteArray> wh = size.split('x');
            if (wh.size() != 2) continue;
            list.append(
                QJsonObject {{QStringLiteral("name"), QString(QStringLiteral("screen-") + QString::fromLatin1(size))},
                             {QStringLiteral("x"), x},
                             {QStringLiteral("y"), 0},
                             {QStringLiteral("width"), wh[0].toInt()},
                             {QStringLiteral("height"), wh[1].toInt()},
                             {QStringLiteral("logicalDpi"), 96}});
            x += wh[0].toInt();
        }
        if (config.open()) {
            config.write(QJsonDocument(QJsonObject {{QStringLiteral("screens"), list}}).toJson());
            config.flush();
            platform += ":configfile=" + QFile::encodeName(config.fileName());
        }
    }
    qputenv("QT_QPA_PLATFORM", platform);
    qputenv("QT_FONT_DPI", "96");
    qputenv("QT_SCALE_FACTOR", "1");
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    views::installBundledFont(app);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(test, argc, argv);
}
