// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "mainwindow.h"
#include "translations.h"
#include "views.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// Without XDG_RUNTIME_DIR (root shells, cron, CI) Qt prints a warning and then uses a private
// directory under /tmp itself. Make that directory quietly, so a failed export prints exactly one
// line on stderr.
void ensureRuntimeDir()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
    const QByteArray dir = QByteArrayLiteral("/tmp/runtime-") + QByteArray::number(getuid());
    mkdir(dir.constData(), 0700);
    struct stat st { };
    if (lstat(dir.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == getuid() && (st.st_mode & 0777) == 0700)
        qputenv("XDG_RUNTIME_DIR", dir);
}
} // namespace

int main(int argc, char **argv)
{
    // Exports and listings need no display: pick the offscreen platform before Qt looks for one.
    if (CommandLineTool::wantsHeadless(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A write() after the peer's RST must give EPIPE, not kill the app (the lab uses MSG_NOSIGNAL;
    // this also covers Qt's own writes on lab sockets).
    std::signal(SIGPIPE, SIG_IGN);
    ensureRuntimeDir();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("synscope"));
    // The installed .desktop entry's id: Wayland matches the window to its menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.synscope.SynScope"));
    QApplication::setApplicationDisplayName(QStringLiteral("SynScope"));
    QApplication::setOrganizationName(QStringLiteral("SynScope"));
    QApplication::setApplicationVersion(QStringLiteral(SYNSCOPE_VERSION));
    views::installBundledFont(app);
    // Before the options' help texts and any widget: texts are translated when they are made.
    QString error;
    if (!Translations::install(Translations::fromArguments(argc, argv), &error)) {
        QTextStream(stderr) << QStringLiteral("synscope: ") << error << Qt::endl;
        return 2;
    }

    QCommandLineParser parser;
    CommandLineTool::addOptions(parser);
    parser.process(app);
    CommandLine options;
    if (!CommandLineTool::parse(parser, options, &error)) {
        QTextStream(stderr) << QStringLiteral("synscope: ") << error << Qt::endl;
        return 2;
    }
    if (options.isHeadless()) return CommandLineTool::run(options);

    MainWindow window;
    if (options.ipVersion) window.chooseIpVersion(options.ipVersion, false);
    window.show();
    if (!options.openPath.isEmpty())
        window.openFile(options.openPath);
    else if (!options.scenario.isEmpty())
        window.runScenario(options.loadedScenario);
    if (options.lecture) window.setLectureMode(true);
    return app.exec();
}
