// SPDX-License-Identifier: GPL-3.0-or-later
// Real failures of the lab, each with its precise message, and nothing left behind: the helper
// killed mid-lab, the TUN device missing, and an ordinary user facing a 0600 /dev/net/tun.

#include "connection.h"
#include "testmain.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

using namespace labtest;

namespace {
// True when this process holds no TUN device and no socket of a lab namespace, and has no
// helper child left: then nothing keeps the lab's namespaces alive and the kernel frees them.
bool nothingLeftBehind(quint64 cookieA, quint64 cookieB, QString *what)
{
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &name : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QString target = QFile::symLinkTarget(fds.filePath(name));
        const int fd = name.toInt();
        if (target == u"/dev/net/tun") {
            *what = QStringLiteral("fd %1 is still a TUN device").arg(fd);
            return false;
        }
        quint64 cookie = 0;
        socklen_t len = sizeof cookie;
        if (target.startsWith(u"socket:") && getsockopt(fd, SOL_SOCKET, 71 /* SO_NETNS_COOKIE */, &cookie, &len) == 0
            && (cookie == cookieA || cookie == cookieB)) {
            *what = QStringLiteral("fd %1 is still a socket in the lab").arg(fd);
            return false;
        }
    }
    if (waitpid(-1, nullptr, WNOHANG) != -1 || errno != ECHILD) {
        *what = QStringLiteral("a child process (the helper) is still there");
        return false;
    }
    return true;
}
}

class TestLabFailures : public QObject {
    Q_OBJECT
private slots:
    void helperKilledMidLab()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        const pid_t pid = lab.helperPid();
        const quint64 cookies[2] = { lab.netnsCookie(Side::Client), lab.netnsCookie(Side::Server) };
        QSignalSpy failed(&lab, &Lab::failed);
        QCOMPARE(::kill(pid, SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("(pid %1) was killed by signal 9 (SIGKILL)").arg(pid)),
            qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Start a new lab")));
        QVERIFY(!lab.isReady());
        QCOMPARE(lab.error().message(), message);
        QString what;
        QVERIFY2(nothingLeftBehind(cookies[0], cookies[1], &what), qPrintable(what));
        // The calls fail cleanly while there is no lab.
        QCOMPARE(lab.bsd(Side::Client)->socket(), BsdHost::CallId(-1));
        QVERIFY(!lab.bsd(Side::Client)->refusal().isEmpty());

        // A new lab starts with a new helper.
        QVERIFY2(lab.start(), qPrintable(lab.error().message()));
        QVERIFY(lab.helperPid() != pid);
        Connection again;
        MAKE_CONNECTION(lab, again);
    }

    void tunDeviceMissing()
    {
        Trace trace;
        Lab lab(&trace);
        Lab::Options options;
        options.tunPath = QStringLiteral("/nonexistent/net/tun");
        QVERIFY(!lab.start(options));
        const LabError &e = lab.error();
        if (e.call.startsWith(u"unshare") && qEnvironmentVariable("CI") != u"true")
            QSKIP(qPrintable(QStringLiteral("no namespaces on this machine: ") + e.message()));
        QCOMPARE(e.call, QStringLiteral("open(/nonexistent/net/tun)"));
        QCOMPARE(e.err, ENOENT);
        QVERIFY2(e.message().contains(QStringLiteral("failed: ENOENT")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("modprobe tun")), qPrintable(e.message()));
        QVERIFY(!lab.isReady());
        QString what;
        QVERIFY2(nothingLeftBehind(0, 0, &what), qPrintable(what));
    }

    // An ordinary user where /dev/net/tun is 0600 (as on this project's machines; a private 0600
    // node is made where the machine's is 0666): the app names the call, errno and remedy.
    void unprivilegedUserAndTunPermissions()
    {
        if (geteuid() != 0)
            QSKIP("needs root to run the app as another user (setpriv)");
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        QVERIFY2(QFileInfo(app).isExecutable(), "SYNSCOPE_APP must name the synscope binary");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777));
        QString tun = QStringLiteral("/dev/net/tun");
        struct stat st { };
        if (::stat("/dev/net/tun", &st) != 0 || (st.st_mode & 0006) != 0) {
            tun = dir.filePath(QStringLiteral("tun"));
            QVERIFY(::mknod(QFile::encodeName(tun).constData(), S_IFCHR | 0600, makedev(10, 200)) == 0);
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SYNSCOPE_TUN_PATH"), tun);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("setpriv"),
            { QStringLiteral("--reuid"), QStringLiteral("65534"), QStringLiteral("--regid"), QStringLiteral("65534"),
                QStringLiteral("--clear-groups"), app, QStringLiteral("--scenario"), QStringLiteral("handshake"),
                QStringLiteral("--export"), dir.filePath(QStringLiteral("out.json")) });
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() != 0, qPrintable(err));
        if (err.contains(u"unshare(") && qEnvironmentVariable("CI") != u"true")
            QSKIP(qPrintable(QStringLiteral("unprivileged user namespaces are off here: ") + err));
        QVERIFY2(err.contains(QStringLiteral("open(%1) failed: EACCES").arg(tun)), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("mode 0600")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("chmod 0666")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("owner uid 0, so uid 65534 may not open it")), qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
        // The app has exited: its helper (a child, killed with it) cannot linger.
        QString what;
        QVERIFY2(nothingLeftBehind(0, 0, &what), qPrintable(what));
    }
};

SYNSCOPE_TEST_MAIN(TestLabFailures)
#include "tst_labfailures.moc"
