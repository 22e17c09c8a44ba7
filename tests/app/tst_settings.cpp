// SPDX-License-Identifier: GPL-3.0-or-later
// The window's settings: defaults a lecturer expects, the layout mode remembered per kind of trace,
// values read back from the file, bad values ignored, retransmissions folded in a lab run only, and
// the recent-files list.

#include "settings.h"
#include "testmain.h"

#include <QFile>
#include <QTemporaryDir>

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void defaultsAndPersistence()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("synscope.ini"));
        {
            Settings s(ini);
            QCOMPARE(s.numberStyle(), NumberStyle::Symbolic);
            QCOMPARE(s.layoutMode(Settings::TraceKind::Lab), LayoutMode::ByStep);
            QCOMPARE(s.layoutMode(Settings::TraceKind::Capture), LayoutMode::ByTime);
            QCOMPARE(s.theme(), DiagramTheme::Light);
            QCOMPARE(s.flavour(), Flavour::Bsd);
            QVERIFY(!s.reducedMotion());
            s.setNumberStyle(NumberStyle::Absolute);
            s.setLayoutMode(Settings::TraceKind::Capture, LayoutMode::ByStep);
            s.setTheme(DiagramTheme::Dark);
            s.setFontPointSize(14);
            s.setAnimationSpeed(2);
            s.setReducedMotion(true);
            s.setFlavour(Flavour::Qt);
            s.setFontPointSize(500); // clamped
        }
        Settings s(ini);
        QCOMPARE(s.numberStyle(), NumberStyle::Absolute);
        QCOMPARE(s.layoutMode(Settings::TraceKind::Capture), LayoutMode::ByStep);
        QCOMPARE(s.layoutMode(Settings::TraceKind::Lab), LayoutMode::ByStep);
        QCOMPARE(s.theme(), DiagramTheme::Dark);
        QCOMPARE(s.fontPointSize(), 48.0);
        QCOMPARE(s.flavour(), Flavour::Qt);
        const DiagramOptions o = s.diagramOptions(Settings::TraceKind::Lab);
        QCOMPARE(o.numbers, NumberStyle::Absolute);
        QCOMPARE(o.theme, DiagramTheme::Dark);
        QCOMPARE(o.animationSpeed, 2.0);
        QVERIFY(o.reducedMotion);
    }

    // Folding is for a lab run (the kernel resending what the lecturer holds); a capture's
    // retransmissions were each on the wire, so they are never folded, whatever the setting.
    void showEveryRetransmission()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("fold.ini"));
        {
            Settings s(ini);
            QVERIFY(!s.showEveryRetransmission());
            QVERIFY(s.diagramOptions(Settings::TraceKind::Lab).collapseRetransmissions);
            QVERIFY(!s.diagramOptions(Settings::TraceKind::Capture).collapseRetransmissions);
            s.setShowEveryRetransmission(true);
            QVERIFY(!s.diagramOptions(Settings::TraceKind::Lab).collapseRetransmissions);
        }
        Settings s(ini);
        QVERIFY(s.showEveryRetransmission());
        QVERIFY(!s.diagramOptions(Settings::TraceKind::Lab).collapseRetransmissions);
        QVERIFY(!s.diagramOptions(Settings::TraceKind::Capture).collapseRetransmissions);
        s.setShowEveryRetransmission(false);
        QVERIFY(s.diagramOptions(Settings::TraceKind::Lab).collapseRetransmissions);
    }

    void badValuesFallBack()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("bad.ini"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[diagram]\nnumbers=7\ntheme=x\nfontPointSize=-3\nlayoutLab=2\n");
        f.close();
        Settings s(ini);
        QCOMPARE(s.numberStyle(), NumberStyle::Symbolic);
        QCOMPARE(s.theme(), DiagramTheme::Light);
        QCOMPARE(s.fontPointSize(), 10.0);
        QCOMPARE(s.layoutMode(Settings::TraceKind::Lab), LayoutMode::ByStep);
    }

    void recentFiles()
    {
        QTemporaryDir dir;
        Settings s(dir.filePath(QStringLiteral("recent.ini")));
        for (int i = 0; i < Settings::kMaxRecent + 3; ++i)
            s.addRecentFile(dir.filePath(QStringLiteral("t%1.json").arg(i)));
        QStringList files = s.recentFiles();
        QCOMPARE(files.size(), Settings::kMaxRecent);
        QCOMPARE(files.first(), dir.filePath(QStringLiteral("t%1.json").arg(Settings::kMaxRecent + 2)));
        // Opening one again moves it to the top without a duplicate.
        s.addRecentFile(files.last());
        QCOMPARE(s.recentFiles().first(), files.last());
        QCOMPARE(s.recentFiles().size(), Settings::kMaxRecent);
        s.removeRecentFile(files.last());
        QVERIFY(!s.recentFiles().contains(files.last()));
    }
};

SYNSCOPE_TEST_MAIN(TestSettings)
#include "tst_settings.moc"
