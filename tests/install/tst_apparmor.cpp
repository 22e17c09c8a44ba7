// SPDX-License-Identifier: GPL-3.0-or-later
// The AppArmor side of the lab: the restriction read from /proc, the profile for the helper (the
// same text as the one `cmake --install` and app/setup.sh install), the remedy the lab shows.
#include "lab/userns.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cerrno>

namespace {
// A fake /proc with the restriction's switch holding value (none when value is null).
QString fakeProc(const QTemporaryDir &dir, const QByteArray &value)
{
    const QString root = dir.filePath(QStringLiteral("proc"));
    QDir().mkpath(root + QStringLiteral("/sys/kernel"));
    if (!value.isNull()) {
        QFile f(root + QStringLiteral("/sys/kernel/apparmor_restrict_unprivileged_userns"));
        if (f.open(QIODevice::WriteOnly)) f.write(value);
    }
    return root;
}

QString templateText()
{
    QFile f(QFINDTESTDATA("../../resources/apparmor/synscope-lab-helper.in"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class TestAppArmor : public QObject {
    Q_OBJECT
private slots:
    void restricted_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("restricted");
        QTest::newRow("Ubuntu 24.04: 1") << QByteArray("1\n") << true;
        QTest::newRow("1 without newline") << QByteArray("1") << true;
        QTest::newRow("lifted: 0") << QByteArray("0\n") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("no switch (Debian 12)") << QByteArray() << false;
    }
    void restricted()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, restricted);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(userNamespacesRestricted(fakeProc(dir, value)), restricted);
    }

    void profileName()
    {
        QCOMPARE(appArmorProfileName(QStringLiteral("/usr/libexec/synscope-lab-helper")),
                 QStringLiteral("synscope-lab-helper"));
        QCOMPARE(appArmorProfileName(QStringLiteral("/usr/local/libexec/synscope-lab-helper")),
                 QStringLiteral("synscope-lab-helper"));
        QCOMPARE(appArmorProfileName(QStringLiteral("/home/ann/synscope/build/app/synscope-lab-helper")),
                 QStringLiteral("synscope-lab-helper-build"));
    }

    // The profile in C++ is the template's text: what the lab tells the user to install is what
    // `cmake --install` and app/setup.sh install.
    void profileIsTheTemplate()
    {
        const QString helper = QStringLiteral("/usr/libexec/synscope-lab-helper");
        QString expected = templateText();
        QVERIFY(!expected.isEmpty());
        expected.replace(QStringLiteral("@SYNSCOPE_PROFILE@"), QStringLiteral("synscope-lab-helper"));
        expected.replace(QStringLiteral("@SYNSCOPE_HELPER@"), helper);
        const QString profile = appArmorProfile(QStringLiteral("synscope-lab-helper"), helper);
        QCOMPARE(profile, expected);
        const QStringList lines = profile.split(u'\n');
        QVERIFY(lines.contains(QStringLiteral("abi <abi/4.0>,")));
        QVERIFY(lines.contains(QStringLiteral("include <tunables/global>")));
        QVERIFY(lines.contains(
            QStringLiteral("profile synscope-lab-helper /usr/libexec/synscope-lab-helper flags=(unconfined) {")));
        QVERIFY(lines.contains(QStringLiteral("  userns,")));
        QVERIFY(lines.contains(QStringLiteral("  include if exists <local/synscope-lab-helper>")));
    }

    void pathWithSpaceIsQuoted()
    {
        const QString profile = appArmorProfile(QStringLiteral("p"), QStringLiteral("/home/a b/synscope-lab-helper"));
        QVERIFY(profile.contains(QStringLiteral("profile p \"/home/a b/synscope-lab-helper\" flags=(unconfined) {")));
    }

    void remedyWhenProfileIsInstalled()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString helper = QStringLiteral("/usr/libexec/synscope-lab-helper");
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("etc/apparmor.d"))));
        QFile f(dir.filePath(QStringLiteral("etc/apparmor.d/synscope-lab-helper")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(appArmorProfile(QStringLiteral("synscope-lab-helper"), helper).toUtf8());
        f.close();
        const QString remedy = appArmorRemedy(helper, dir.filePath(QStringLiteral("etc")));
        QVERIFY2(remedy.contains(QStringLiteral("synscope-lab-helper is installed but not loaded; load it with: "
                                                "sudo apparmor_parser -r /etc/apparmor.d/synscope-lab-helper")),
                 qPrintable(remedy));
        QVERIFY(!remedy.contains(QStringLiteral("printf")));
    }

    // Without a profile, the one command writes the very profile and loads it: its printf, run by
    // a shell, prints the profile byte for byte.
    void remedyInstallsTheProfile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString helper = QStringLiteral("/home/ann/synscope/build/app/synscope-lab-helper");
        const QString remedy = appArmorRemedy(helper, dir.filePath(QStringLiteral("etc")));
        QVERIFY2(remedy.contains(QStringLiteral("the AppArmor profile synscope-lab-helper-build")), qPrintable(remedy));
        const QRegularExpression command(
            QStringLiteral("(printf '[^']*') \\| sudo tee /etc/apparmor.d/synscope-lab-helper-build >/dev/null && "
                           "sudo apparmor_parser -r /etc/apparmor.d/synscope-lab-helper-build"));
        const QRegularExpressionMatch m = command.match(remedy);
        QVERIFY2(m.hasMatch(), qPrintable(remedy));
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m.captured(1)});
        QVERIFY(sh.waitForFinished());
        QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()),
                 appArmorProfile(QStringLiteral("synscope-lab-helper-build"), helper));
    }

    void refusalExplained()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString helper = QStringLiteral("/usr/libexec/synscope-lab-helper");
        const QString restrictedProc = fakeProc(dir, "1\n");
        const LabError netns {QStringLiteral("unshare(CLONE_NEWNET)"), EPERM, QStringLiteral("helper's hint")};

        const LabError explained = explainUserNamespaceRefusal(netns, helper, restrictedProc, dir.path());
        QCOMPARE(explained.call, netns.call);
        QCOMPARE(explained.err, EPERM);
        QVERIFY(explained.hint.contains(QStringLiteral("kernel.apparmor_restrict_unprivileged_userns=1")));
        QVERIFY(explained.hint.contains(QStringLiteral("sudo apparmor_parser -r /etc/apparmor.d/synscope-lab-helper")));

        // Not restricted, or not the namespace set-up: the error is left as it is.
        QTemporaryDir open;
        QCOMPARE(explainUserNamespaceRefusal(netns, helper, fakeProc(open, "0\n"), dir.path()).hint, netns.hint);
        const LabError notFound {QStringLiteral("exec(/x/synscope-lab-helper)"), ENOENT, QStringLiteral("set it")};
        QCOMPARE(explainUserNamespaceRefusal(notFound, helper, restrictedProc, dir.path()).hint, notFound.hint);
        const LabError tun {QStringLiteral("open(/dev/net/tun)"), EACCES, QStringLiteral("chmod")};
        QCOMPARE(explainUserNamespaceRefusal(tun, helper, restrictedProc, dir.path()).hint, tun.hint);
    }

    // The profile parses with the parser Ubuntu loads it with. `userns,` needs AppArmor 4.0.
    void parserAccepts()
    {
        QString parser = QStandardPaths::findExecutable(QStringLiteral("apparmor_parser"));
        if (parser.isEmpty())
            parser = QStandardPaths::findExecutable(QStringLiteral("apparmor_parser"),
                                                    {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        if (parser.isEmpty()) QSKIP("apparmor_parser is not installed: the profile was not parsed");
        QProcess version;
        version.start(parser, {QStringLiteral("--version")});
        QVERIFY(version.waitForFinished());
        const QString text = QString::fromUtf8(version.readAllStandardOutput());
        const QRegularExpressionMatch v = QRegularExpression(QStringLiteral("version (\\d+)\\.(\\d+)")).match(text);
        QVERIFY2(v.hasMatch(), qPrintable(text));
        if (v.captured(1).toInt() < 4)
            QSKIP(qPrintable(QStringLiteral("apparmor_parser %1.%2 is older than 4.0 and does not know 'userns,' "
                                            "(Debian 12 ships 3.0): the profile was not parsed")
                                 .arg(v.captured(1), v.captured(2))));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("synscope-lab-helper"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            appArmorProfile(QStringLiteral("synscope-lab-helper"), QStringLiteral("/usr/libexec/synscope-lab-helper"))
                .toUtf8());
        f.close();
        QProcess check;
        check.start(parser, {QStringLiteral("-Q"), path});
        QVERIFY(check.waitForFinished());
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
                 qPrintable(QString::fromUtf8(check.readAllStandardError())));
    }
};

SYNSCOPE_TEST_MAIN(TestAppArmor)
#include "tst_apparmor.moc"
