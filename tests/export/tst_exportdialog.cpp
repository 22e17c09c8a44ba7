// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export: the dialog starts from the screen's settings, keeps file name and format in step,
// exports, and stays open with the reason when the export fails.

#include "export/exportdialog.h"
#include "generatedtrace.h"
#include "testmain.h"
#include "trace/trace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

class TestExportDialog : public QObject {
    Q_OBJECT
private slots:
    void startsFromTheScreensSettings();
    void formatFollowsTheFileAndBack();
    void exportsAndCloses();
    void failureKeepsTheDialogOpen();
    void questionSlidesNeedTheSlideBuild();
    void scenarioStepsInTheRange();
};

void TestExportDialog::startsFromTheScreensSettings()
{
    Trace trace;
    GeneratedTrace::build(trace, 2);
    DiagramOptions screen;
    screen.theme = DiagramTheme::Dark;
    screen.numbers = NumberStyle::Relative;
    screen.showDetail = true;
    ExportDialog dialog(trace, screen);
    const Export::Options o = dialog.options();
    QCOMPARE(o.diagram.theme, DiagramTheme::Dark);
    QCOMPARE(o.diagram.numbers, NumberStyle::Relative);
    QVERIFY(o.diagram.showDetail);
    QCOMPARE(o.steps.first, 0);
    QCOMPARE(o.steps.last, -1);
    QVERIFY(!o.perStep);
}

void TestExportDialog::formatFollowsTheFileAndBack()
{
    Trace trace;
    GeneratedTrace::build(trace, 0);
    ExportDialog dialog(trace, {});
    dialog.setPath(QStringLiteral("/tmp/a.pdf"));
    QCOMPARE(dialog.format(), Export::Format::Pdf);
    dialog.setFormat(Export::Format::PlantUml);
    QCOMPARE(dialog.path(), QStringLiteral("/tmp/a.puml"));
}

void TestExportDialog::exportsAndCloses()
{
    QTemporaryDir dir;
    Trace trace;
    GeneratedTrace::build(trace, 1);
    ExportDialog dialog(trace, {});
    const QString path = dir.filePath(QStringLiteral("lecture.svg"));
    dialog.setPath(path);
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(exported.size(), 1);
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(QFile(path).size() > 1000);
}

void TestExportDialog::failureKeepsTheDialogOpen()
{
    Trace trace;
    GeneratedTrace::build(trace, 1);
    ExportDialog dialog(trace, {});
    dialog.show();
    dialog.setPath(QStringLiteral("/proc/lecture.png"));
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(exported.size(), 0);
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("cannot write /proc/lecture.png")),
             qPrintable(dialog.errorText()));
}

namespace {
QCheckBox *checkBox(QDialog &dialog, const QString &startsWith)
{
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
        if (box->text().startsWith(startsWith)) return box;
    }
    return nullptr;
}
} // namespace

void TestExportDialog::questionSlidesNeedTheSlideBuild()
{
    Trace trace;
    GeneratedTrace::buildSteps(trace, 1);
    ExportDialog dialog(trace, {});
    dialog.setPath(QStringLiteral("/tmp/slides.svg"));
    QCheckBox *perStep = checkBox(dialog, QStringLiteral("One image or page per step"));
    QCheckBox *predict = checkBox(dialog, QStringLiteral("A question slide before each step"));
    QVERIFY(perStep && predict);
    QVERIFY(!predict->isEnabled());
    perStep->setChecked(true);
    QVERIFY(predict->isEnabled());
    predict->setChecked(true);
    QVERIFY(dialog.options().perStep);
    QVERIFY(dialog.options().predict);
    perStep->setChecked(false);
    QVERIFY(!predict->isEnabled());
    QVERIFY(!dialog.options().predict);
    // A format that makes no slides turns both off.
    perStep->setChecked(true);
    dialog.setFormat(Export::Format::Json);
    QVERIFY(!perStep->isEnabled() && !predict->isEnabled());
    QVERIFY(!dialog.options().perStep && !dialog.options().predict);
}

void TestExportDialog::scenarioStepsInTheRange()
{
    Trace trace;
    const int steps = GeneratedTrace::buildSteps(trace, 1);
    ExportDialog dialog(trace, {});
    const QList<QSpinBox *> spins = dialog.findChildren<QSpinBox *>();
    QCOMPARE(spins.size(), 2);
    for (QSpinBox *spin : spins)
        QCOMPARE(spin->maximum(), steps); // the scenario's steps, not the diagram's rows
    QCOMPARE(dialog.options().steps.last, -1);
    spins.last()->setValue(2);
    QCOMPARE(dialog.options().steps.last, 1);
}

SYNSCOPE_TEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
