// SPDX-License-Identifier: GPL-3.0-or-later
// Help → Keys lists every key the window answers to, read from its actions (a new shortcut shows
// up without anyone editing a list); Help → About says the version, the Qt it runs on and was
// built with, the kernel the lab runs, and the licence.

#include "aboutdialog.h"
#include "keysdialog.h"
#include "mainwindow.h"
#include "run/session.h"
#if SYNSCOPE_HAVE_LAB
#include "lab/lab.h"
#endif
#include "testmain.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {
// What a menu shows for an action's text: "&Open…" is "Open…".
QString shown(QString text)
{
    return text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
}

// Runs `open` (which shows a modal dialog) and hands the dialog to `look` before closing it.
template<typename Dialog>
void whileOpen(const std::function<void()> &open, const std::function<void(Dialog *)> &look)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (dialog) {
            seen = true;
            look(dialog);
            dialog->reject();
        }
    });
    open();
    QVERIFY(seen);
}
} // namespace

class TestHelpDialogs : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;

private slots:
    void initTestCase() { USE_PRIVATE_SETTINGS(m_config); }

    void keysListEveryShortcut()
    {
        MainWindow w;
        w.show();
        QMultiHash<QString, QString> rows; // action text -> its keys, as the dialog shows them
        QHash<QString, QString> groups;
        whileOpen<KeysDialog>([&] { w.action(u"keys"_s)->trigger(); },
                              [&](KeysDialog *dialog) {
                                  const QTreeWidget *list = dialog->list();
                                  for (int g = 0; g < list->topLevelItemCount(); ++g) {
                                      const QTreeWidgetItem *group = list->topLevelItem(g);
                                      for (int r = 0; r < group->childCount(); ++r) {
                                          rows.insert(group->child(r)->text(0), group->child(r)->text(1));
                                          groups.insert(group->child(r)->text(0), group->text(0));
                                      }
                                  }
                              });
        const QList<QAction *> actions = w.findChildren<QAction *>();
        int withKeys = 0;
        for (const QAction *a : actions) {
            if (a->shortcuts().isEmpty()) continue;
            ++withKeys;
            const QString name = shown(a->text());
            QVERIFY2(rows.contains(name), qPrintable(name));
            bool listed = false;
            for (const QString &keys : rows.values(name)) {
                bool all = true;
                for (const QKeySequence &k : a->shortcuts())
                    all = all && keys.split(u" or "_s).contains(k.toString(QKeySequence::NativeText));
                listed = listed || all;
            }
            QVERIFY2(listed, qPrintable(name + u": "_s + rows.values(name).join(u" | "_s)));
        }
        QCOMPARE(rows.size(), withKeys);
        // What a lecturer looks for, where they look for it.
        QCOMPARE(rows.value(u"Export…"_s), QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText));
        QCOMPARE(groups.value(u"Export…"_s), u"File"_s);
        // Quit's key is the desktop's (Ctrl+Q on Linux desktops; the offscreen platform has none).
        QCOMPARE(rows.value(u"Quit"_s), QKeySequence(QKeySequence::Quit).toString(QKeySequence::NativeText));
        QVERIFY2(rows.value(u"Next"_s).startsWith(u"Space"_s), qPrintable(rows.value(u"Next"_s)));
        QCOMPARE(groups.value(u"Symbolic (SYN J, ACK J+1)"_s), u"View › Numbers"_s);
        QCOMPARE(rows.value(u"Leave Lecture Mode"_s), u"Esc"_s);
        QCOMPARE(groups.value(u"Leave Lecture Mode"_s), u"Other"_s);
    }

    void aboutSaysWhatRunsWhere()
    {
        MainWindow w;
        w.show();
        QString text;
        whileOpen<AboutDialog>([&] { w.action(u"about"_s)->trigger(); },
                               [&](AboutDialog *dialog) { text = dialog->findChild<QLabel *>(u"about"_s)->text(); });
        QCOMPARE(text, AboutDialog::text(w.lab()));
        QVERIFY2(text.contains(u"SynScope " SYNSCOPE_VERSION ""_s), qPrintable(text));
        QVERIFY2(text.contains(u"%1 at run time, built with %2"_s.arg(QString::fromLatin1(qVersion()),
                                                                      QStringLiteral(QT_VERSION_STR))),
                 qPrintable(text));
        QVERIFY(text.contains(u"GPL-3.0-or-later"_s));
#if !SYNSCOPE_HAVE_LAB
        // A build without the lab says so, and names no kernel.
        QVERIFY(!w.lab());
        QVERIFY2(text.contains(u"no lab ("_s + Session::noLabReason() + u')'), qPrintable(text));
        QVERIFY(!text.contains(u"Linux "_s + QSysInfo::kernelVersion()));
#else
        if (w.lab()->isReady()) {
            QVERIFY2(text.contains(u"Linux "_s + QSysInfo::kernelVersion()), qPrintable(text));
            // Closed while a recording or a file is shown: the kernel it runs on after Ctrl+R.
            w.lab()->close();
            QVERIFY(
                AboutDialog::text(w.lab()).contains(u"Linux "_s + QSysInfo::kernelVersion() + u" (no lab running"_s));
        } else {
            QVERIFY2(text.contains(u"no lab ("_s), qPrintable(text));
        }
        QVERIFY(AboutDialog::text(nullptr).contains(u"no lab"_s));
#endif
    }

    void aboutWithoutALab()
    {
#if !SYNSCOPE_HAVE_LAB
        QSKIP("this build has no lab to refuse: aboutSaysWhatRunsWhere checks its About");
#else
        qputenv("SYNSCOPE_TUN_PATH", "/nonexistent");
        MainWindow w;
        qunsetenv("SYNSCOPE_TUN_PATH");
        QVERIFY(!w.lab()->isReady());
        const QString text = AboutDialog::text(w.lab());
        QVERIFY2(text.contains(u"no lab ("_s + w.lab()->error().message().toHtmlEscaped()), qPrintable(text));
        QVERIFY(!text.contains(u"Linux "_s + QSysInfo::kernelVersion()));
#endif
    }
};

SYNSCOPE_TEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"
