// SPDX-License-Identifier: GPL-3.0-or-later
// Lab → Host Settings on real kernels (issue 18): SACK turned off on the client in the panel, the
// next handshake's SYN lacks SACK-permitted (read from the trace), the change is in the trace and in
// the scenario saved from the by-hand work, and that scenario makes the same SYN on a fresh lab.

#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "hostsettingsdialog.h"
#include "lab/labtest.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "panels/callpanel.h"
#include "panels/wirepanel.h"
#include "run/scenariorecorder.h"
#include "run/scenariorunner.h"
#include "run/session.h"
#include "testmain.h"
#include "trace/hostsettings.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "windowtest.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// The options of the first SYN (without ACK) the client sent in `trace`, parsed from its bytes.
std::optional<TcpOptions> clientSynOptions(const Trace &trace)
{
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind != EventKind::Send || e.side != Side::Client || (e.flags & 0x12) != TcpFlag::Syn) continue;
        const QByteArrayView bytes = trace.packet(e);
        TcpSegment seg;
        if (parseIpTcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), seg) != ParseStatus::Ok)
            return std::nullopt;
        return seg.options;
    }
    return std::nullopt;
}

} // namespace

class TestHostSettingsPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;
    std::unique_ptr<MessageBoxAnswerer> m_answerer;

private slots:
    void initTestCase()
    {
        USE_PRIVATE_SETTINGS(m_config);
        m_answerer = std::make_unique<MessageBoxAnswerer>(QMessageBox::Discard);
    }

    void sackOffForTheNextSyn()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        QAction *open = w.action(u"hostSettings"_s);
        QVERIFY(open && open->isEnabled());
        open->trigger();
        auto *dialog = w.findChild<HostSettingsDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        // It reads the kernels: a new lab host has Linux's SACK on, and the lab's raised SYN retries.
        auto *sack = qobject_cast<QCheckBox *>(dialog->editor(Side::Client, u"net.ipv4.tcp_sack"_s));
        QVERIFY(sack && sack->isEnabled());
        QVERIFY(sack->isChecked());
        // It says when a change takes effect.
        bool says = false;
        for (const QLabel *l : dialog->findChildren<QLabel *>())
            says = says || l->text().contains(u"next connection"_s);
        QVERIFY(says);
        sack->click(); // as a click on it does (offscreen, the dialog's rows are laid out only when painted)
        QVERIFY(!sack->isChecked());
        auto *apply = dialog->findChild<QPushButton *>(u"applyHostSettings"_s);
        QVERIFY(apply && apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);

        // In the trace: which setting, from what to what, on which host.
        const std::vector<HostSettingChange> &changes = w.trace()->info().settingChanges;
        QCOMPARE(changes.size(), size_t(1));
        QCOMPARE(changes.front().side, Side::Client);
        QCOMPARE(changes.front().key, u"net.ipv4.tcp_sack"_s);
        QCOMPARE(changes.front().from, u"1"_s);
        QCOMPARE(changes.front().to, u"0"_s);
        QVERIFY(!sack->isChecked()); // read back from the kernel after the change
        QVERIFY(w.session()->hasUnsavedWork());

        // A handshake made with the call panels: the client's SYN has no SACK-permitted, the rest as before.
        CallPanel *server = w.callPanel(Side::Server);
        CallPanel *client = w.callPanel(Side::Client);
        click(server, "socket");
        click(server, "bind");
        click(server, "listen");
        click(client, "socket");
        click(client, "connect");
        QTRY_VERIFY_WITH_TIMEOUT(clientSynOptions(*w.trace()).has_value(), kWaitMs);
        const TcpOptions syn = *clientSynOptions(*w.trace());
        QVERIFY(!syn.sackPermitted);
        QVERIFY(syn.mss > 0);
        QVERIFY(syn.hasTimestamps);
        QVERIFY(syn.windowScale >= 0);
        // The change came before the SYN.
        QVERIFY(changes.front().firstEvent < w.trace()->size());

        // In the scenario saved from the by-hand work: a "set" step before the client's calls...
        const Scenario made = w.session()->recorder()->scenario(u"by-hand"_s, u"By hand"_s);
        int setStep = -1, connectStep = -1;
        for (int k = 0; k < int(made.steps.size()); ++k) {
            for (const ScenarioAction &a : made.steps[size_t(k)].actions) {
                if (a.kind == ScenarioAction::Kind::Set && a.side == Side::Client
                    && a.settings == std::map<QString, QString> {{u"net.ipv4.tcp_sack"_s, u"0"_s}})
                    setStep = k;
                if (a.kind == ScenarioAction::Kind::Call && a.call == u"connect"_s) connectStep = k;
            }
        }
        QVERIFY(setStep >= 0);
        QVERIFY(connectStep > setStep);
        // ...which, written and read back, makes the same SYN on fresh kernels.
        Scenario again;
        QString error;
        QVERIFY2(ScenarioFile::parse(ScenarioFile::save(made), again, &error), qPrintable(error));
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        ScenarioRunner runner(&lab, again);
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        runner.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(clientSynOptions(trace).has_value(), kWaitMs);
        QVERIFY(!clientSynOptions(trace)->sackPermitted);
        QVERIFY(clientSynOptions(trace)->hasTimestamps);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        // A fresh lab starts from the defaults again, and the panel says so.
        w.restartLab();
        QTRY_VERIFY_WITH_TIMEOUT(sack->isChecked(), kWaitMs);
        QVERIFY(w.trace()->info().settingChanges.empty());
    }

    // A change made in the dialog shows in the diagram's header at once, not only when the next
    // event comes; four at once take a second line, the header growing for it.
    void headerShowsTheChangeAtOnce()
    {
        std::vector<DiagramRenderer::Drawn> drawn; // outlives the window whose renderer writes to it
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        w.workByHand(); // the diagram in view
        const DiagramView *view = w.diagramView();
        QTRY_VERIFY_WITH_TIMEOUT(view->isVisible() && view->renderer() && w.lab()->isReady(), kWaitMs);
        HostSettingsDialog *dialog = w.showHostSettings();
        auto *sack = qobject_cast<QCheckBox *>(dialog->editor(Side::Server, u"net.ipv4.tcp_sack"_s));
        QVERIFY(sack);
        QTRY_VERIFY_WITH_TIMEOUT(sack->isEnabled() && sack->isChecked(), kWaitMs);
        const qsizetype events = w.trace()->size();
        const qreal oneLine = view->renderer()->layout().headerHeight();
        const auto shown = [&](const QString &text) {
            return std::any_of(drawn.begin(), drawn.end(), [&](const DiagramRenderer::Drawn &d) {
                return d.kind == DiagramRenderer::Drawn::Kind::Text && d.what.split(u" · "_s).contains(text);
            });
        };
        view->renderer()->setInspector(&drawn);
        sack->click();
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"applyHostSettings"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shown(u"SACK off"_s), kWaitMs);

        const std::map<QString, QString> more {{u"net.ipv4.tcp_timestamps"_s, u"0"_s},
                                               {u"net.ipv4.tcp_window_scaling"_s, u"0"_s},
                                               {u"net.ipv4.tcp_ecn"_s, u"0"_s}};
        for (const auto &[key, value] : more) {
            QString error;
            QVERIFY2(w.session()->setHostSetting(Side::Server, key, value, &error), qPrintable(error));
        }
        for (const auto &[key, value] : more)
            QTRY_VERIFY_WITH_TIMEOUT(shown(HostSettings::displayName(key) + u' ' + HostSettings::valueText(key, value)),
                                     kWaitMs);
        QVERIFY(view->renderer()->layout().headerHeight() > oneLine);
        QCOMPARE(w.trace()->size(), events); // no event came after the changes
        view->renderer()->setInspector(nullptr);
    }

    // Restart Host: it asks first, saying what a restart does; cancelled, nothing happens; confirmed,
    // the host reboots: a "host restarted" event, its settings the new kernel's defaults again (the
    // change back recorded in the trace), and the restart recorded for the scenario.
    void restartHostAsksFirst()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        HostSettingsDialog *dialog = w.showHostSettings();
        QPushButton *restart = dialog->restartButton(Side::Server);
        QVERIFY(restart && restart->isEnabled());
        QCOMPARE(restart->objectName(), u"server/restart"_s);
        auto *sack = qobject_cast<QCheckBox *>(dialog->editor(Side::Server, u"net.ipv4.tcp_sack"_s));
        QString error;
        QVERIFY2(w.session()->setHostSetting(Side::Server, u"net.ipv4.tcp_sack"_s, u"0"_s, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!sack->isChecked(), kWaitMs);
        const auto restarted = [&](qsizetype from) {
            for (qsizetype i = from; i < w.trace()->size(); ++i) {
                const Event &e = w.trace()->at(i);
                if (e.kind == EventKind::Signal && e.side == Side::Server
                    && w.trace()->callRecord(e).fn == u"host restarted"_s)
                    return true;
            }
            return false;
        };

        const qsizetype before = w.trace()->size();
        m_answerer->reset();
        m_answerer->setAnswer(QMessageBox::Cancel);
        QTest::mouseClick(restart, Qt::LeftButton);
        QCOMPARE(m_answerer->asked(), 1);
        const QString asked = m_answerer->lastText();
        QVERIFY2(asked.contains(u"its kernel forgets every connection; the next segment of an old connection is "
                                u"answered with RST"_s),
                 qPrintable(asked));
        QVERIFY(asked.contains(Lab::address(4, Side::Server)));
        QVERIFY(!restarted(before));
        QVERIFY(!sack->isChecked());

        m_answerer->setAnswer(QMessageBox::Ok);
        QTest::mouseClick(restart, Qt::LeftButton);
        m_answerer->setAnswer(QMessageBox::Discard);
        QCOMPARE(m_answerer->asked(), 2);
        QVERIFY(restarted(before));
        QTRY_VERIFY_WITH_TIMEOUT(sack->isChecked(), kWaitMs); // the new kernel's default, read back
        const HostSettingChange &back = w.trace()->info().settingChanges.back();
        QCOMPARE(back.side, Side::Server);
        QCOMPARE(back.key, u"net.ipv4.tcp_sack"_s);
        QCOMPARE(back.from, u"0"_s);
        QCOMPARE(back.to, u"1"_s);
        QVERIFY(w.session()->hasUnsavedWork());
        const Scenario made = w.session()->recorder()->scenario(u"by-hand"_s, u"By hand"_s);
        QVERIFY(!made.steps.empty());
        const ScenarioAction &last = made.steps.back().actions.back();
        QCOMPARE(last.kind, ScenarioAction::Kind::Host);
        QCOMPARE(last.side, Side::Server);
        Scenario again; // a scenario file says it as a "host" action
        QVERIFY2(ScenarioFile::parse(ScenarioFile::save(made), again, &error), qPrintable(error));
        QCOMPARE(again.steps.back().actions.back().kind, ScenarioAction::Kind::Host);
    }

    // Without a live lab (a recording played back) the panel shows no editable value and says why.
    // The dialog names the hosts by their addresses, and follows the lab to IPv6 and back.
    void titlesFollowTheIpVersion()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        HostSettingsDialog *dialog = w.showHostSettings();
        const auto titled = [dialog](const QString &text) {
            for (const QLabel *l : dialog->findChildren<QLabel *>()) {
                if (l->text().contains(text)) return true;
            }
            return false;
        };
        QVERIFY(titled(u"Server 10.0.0.2"_s));
        w.chooseIpVersion(6, false);
        QTRY_VERIFY_WITH_TIMEOUT(titled(u"Server fd00::2"_s), kWaitMs);
        QVERIFY(titled(u"Client fd00::1"_s));
        w.chooseIpVersion(4, false);
        QTRY_VERIFY_WITH_TIMEOUT(titled(u"Client 10.0.0.1"_s), kWaitMs);
    }

    void readOnlyWithoutLiveLab()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        HostSettingsDialog *dialog = w.showHostSettings();
        QVERIFY(dialog->findChild<QPushButton *>(u"applyHostSettings"_s)->isEnabled());
        QString error;
        QVERIFY(w.session()->playBundledRecording(u"handshake"_s, &error));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->findChild<QPushButton *>(u"applyHostSettings"_s)->isEnabled(), kWaitMs);
        QVERIFY(!dialog->editor(Side::Client, u"net.ipv4.tcp_sack"_s)->isEnabled());
        QVERIFY(!w.session()->setHostSetting(Side::Client, u"net.ipv4.tcp_sack"_s, u"0"_s, &error));
        QVERIFY2(error.contains(u"live lab"_s), qPrintable(error));
    }
};

SYNSCOPE_TEST_MAIN(TestHostSettingsPanel)
#include "tst_hostsettingspanel.moc"
