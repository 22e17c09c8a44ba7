// SPDX-License-Identifier: GPL-3.0-or-later
// Images of the diagram as a lecturer uses them: SVG with the labels as text, PDF pages of the
// diagram's shape (several for a long trace, one per step for a slide build), PNG at 1×/2×, tiles
// for a diagram too tall for one image; and failures that say what and where and keep the old file.
// A recorded scenario's slide build goes by its steps, each slide with the step's caption, and can
// ask before it answers (question slides with the step's segments unlabelled).

#include "diagram/diagramrenderer.h"
#include "export/diagramimages.h"
#include "export/export.h"
#include "generatedtrace.h"
#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The MediaBox of every page object of a PDF written by QPdfWriter (uncompressed page dictionaries).
QList<QSizeF> pdfPages(const QByteArray &pdf)
{
    QList<QSizeF> pages;
    static const QRegularExpression page(
        QStringLiteral(
            "/Type /Page\\b(?!s)[^>]*?/MediaBox \\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*\\]"),
        QRegularExpression::DotMatchesEverythingOption);
    const QString text = QString::fromLatin1(pdf);
    for (auto it = page.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        pages.append(QSizeF(m.captured(3).toDouble() - m.captured(1).toDouble(),
                            m.captured(4).toDouble() - m.captured(2).toDouble()));
    }
    return pages;
}

int pdfPageObjects(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page\\b(?!s)"));
    return int(QString::fromLatin1(pdf).count(page));
}

QStringList svgTexts(const QByteArray &svg, QString *error)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    }
    if (xml.hasError()) *error = xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber());
    return texts;
}

// The size of an SVG's picture in logical px (its viewBox; width and height are in mm).
QSizeF svgSize(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"svg") {
            const QStringList box = xml.attributes().value(QStringLiteral("viewBox")).toString().split(u' ');
            return box.size() == 4 ? QSizeF(box[2].toDouble(), box[3].toDouble()) : QSizeF();
        }
    }
    return {};
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void formatNames_data();
    void formatNames();
    void svgIsXmlWithLabelsAsText();
    void pdfIsOnePageOfTheDiagramsShape();
    void longTraceGivesSeveralPdfPages();
    void handoutPagesArePaper();
    void perStepPdfHasOnePagePerStep();
    void perStepPngSeriesOverlays();
    void png2xHasTwicePixels();
    void tallPngIsTiled();
    void splitStepsBetweenRows();
    void stepRangeOutsideIsRefused();
    void unwritablePathKeepsTheOldFile();
    void perStepOnlyForImages();
    void copiesToTheClipboard();
    void scenarioSlidesAreItsSteps_data();
    void scenarioSlidesAreItsSteps();
    void scenarioPdfHasOnePagePerStep();
    void stepRangeCountsScenarioSteps();
    void emptyStepRepeatsThePicture();
    void captionsAreOnTheSlides();
    void predictAsksBeforeItAnswers();
    void predictNeedsPerStep();
    void wholeScenarioImageHasNoCaption();
    void captionsBesideAWholeFigure();
    void captionsFollowTheirRows();
    void rowSlidesGetCaptionsWhenAsked();
    void byHandTraceKeepsRowSlides();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    Trace m_trace; // handshake, 4 data segments (one lost and resent, one duplicated), close
    Trace m_long; // 10,000 segments
    Trace m_steps; // m_trace's kind cut into generated scenario steps, one of them empty
    int m_stepCount = 0;
};

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    GeneratedTrace::build(m_trace, 4);
    GeneratedTrace::build(m_long, 4996); // 3 + 2 * 4996 + 1 + 4 = 10,000 segments
    qsizetype sends = 0;
    for (qsizetype i = 0; i < m_long.size(); ++i)
        sends += m_long.at(i).kind == EventKind::Send ? 1 : 0;
    QCOMPARE(sends, 10000);
    m_stepCount = GeneratedTrace::buildSteps(m_steps, 2, true);
    QCOMPARE(m_stepCount, 8); // listen, accept, connect, (empty), 2 writes, 2 closes
}

void TestExport::formatNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format");
    QTest::newRow("png") << QStringLiteral("png") << int(Export::Format::Png);
    QTest::newRow("file.SVG") << QStringLiteral("slides/file.SVG") << int(Export::Format::Svg);
    QTest::newRow(".pdf") << QStringLiteral(".pdf") << int(Export::Format::Pdf);
    QTest::newRow("pcap") << QStringLiteral("x.pcap") << int(Export::Format::Pcap);
    QTest::newRow("json") << QStringLiteral("json") << int(Export::Format::Json);
    QTest::newRow("mmd") << QStringLiteral("a.mmd") << int(Export::Format::Mermaid);
    QTest::newRow("mermaid") << QStringLiteral("mermaid") << int(Export::Format::Mermaid);
    QTest::newRow("puml") << QStringLiteral("a.puml") << int(Export::Format::PlantUml);
    QTest::newRow("plantuml") << QStringLiteral("plantuml") << int(Export::Format::PlantUml);
    QTest::newRow("txt") << QStringLiteral("flow.txt") << int(Export::Format::Txt);
    QTest::newRow("unknown") << QStringLiteral("x.docx") << -1;
    QTest::newRow("no extension") << QStringLiteral("handshake") << -1;
}

void TestExport::formatNames()
{
    QFETCH(QString, name);
    QFETCH(int, format);
    const std::optional<Export::Format> f = Export::formatFromName(name);
    QCOMPARE(f ? int(*f) : -1, format);
}

void TestExport::svgIsXmlWithLabelsAsText()
{
    Export::Options options;
    QString error;
    QVERIFY2(Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("d.svg")), options, &error),
             qPrintable(error));
    const QByteArray svg = readAll(path(QStringLiteral("d.svg")));
    QVERIFY(svg.size() > 1000);
    const QStringList texts = svgTexts(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!texts.isEmpty());
    SegmentLabeler labeler(m_trace);
    labeler.update();
    int labels = 0;
    for (qsizetype i = 0; i < m_trace.size(); ++i) {
        if (m_trace.at(i).kind != EventKind::Send) continue;
        const QString label = labeler.label(i, NumberStyle::Symbolic);
        const bool found = std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.contains(label); });
        QVERIFY2(found, qPrintable(u"no text element shows " + label));
        ++labels;
    }
    QVERIFY(labels >= 10);
}

void TestExport::pdfIsOnePageOfTheDiagramsShape()
{
    Export::Options options;
    QString error;
    QVERIFY2(Export::write(m_trace, Export::Format::Pdf, path(QStringLiteral("d.pdf")), options, &error),
             qPrintable(error));
    const QByteArray pdf = readAll(path(QStringLiteral("d.pdf")));
    QVERIFY(pdf.startsWith("%PDF-"));
    const QList<QSizeF> pages = pdfPages(pdf);
    QCOMPARE(pdfPageObjects(pdf), 1);
    QCOMPARE(pages.size(), 1);
    const QSizeF diagram = DiagramRenderer(m_trace, options.diagram).size();
    const qreal want = diagram.width() / diagram.height();
    const qreal got = pages.first().width() / pages.first().height();
    QVERIFY2(qAbs(got - want) / want < 0.01, qPrintable(QStringLiteral("page %1 diagram %2").arg(got).arg(want)));
    // Points at 72 per inch for the diagram's 96 logical pixels per inch: the real size.
    QVERIFY(qAbs(pages.first().width() - diagram.width() * 0.75) < 1);
}

void TestExport::longTraceGivesSeveralPdfPages()
{
    Export::Options options;
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_long, Export::Format::Pdf, path(QStringLiteral("long.pdf")), options, &error, &result),
             qPrintable(error));
    const QByteArray pdf = readAll(path(QStringLiteral("long.pdf")));
    QVERIFY(pdf.startsWith("%PDF-"));
    const QList<QSizeF> pages = pdfPages(pdf);
    QVERIFY2(pages.size() > 1, qPrintable(QString::number(pages.size())));
    QCOMPARE(pdfPageObjects(pdf), pages.size());
    const DiagramRenderer renderer(m_long, options.diagram);
    const std::vector<StepRange> parts = DiagramImages::splitSteps(renderer, {0, renderer.stepCount() - 1}, 19200);
    QCOMPARE(pages.size(), qsizetype(parts.size()));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages[i].height() <= 14400 + 0.5, qPrintable(QString::number(pages[i].height()))); // 200 in
        QVERIFY(pages[i].width() <= 14400 + 0.5);
        // Each page is its steps' part of the diagram, at its real size (96 px = 72 pt).
        QVERIFY(qAbs(pages[i].height() - renderer.size(parts[size_t(i)]).height() * 0.75) < 1);
    }
    QVERIFY2(result.summary.contains(QString::number(pages.size()) + QStringLiteral(" pages")),
             qPrintable(result.summary));
}

void TestExport::handoutPagesArePaper()
{
    Export::Options options;
    options.handout = true;
    options.handoutPage = QPageSize(QPageSize::Letter);
    QString error;
    QVERIFY2(Export::write(m_trace, Export::Format::Pdf, path(QStringLiteral("handout.pdf")), options, &error),
             qPrintable(error));
    const QList<QSizeF> pages = pdfPages(readAll(path(QStringLiteral("handout.pdf"))));
    QVERIFY(!pages.isEmpty());
    for (const QSizeF &p : pages)
        QCOMPARE(p.toSize(), QSize(612, 792)); // US Letter in points
}

void TestExport::perStepPdfHasOnePagePerStep()
{
    Export::Options options;
    options.perStep = true;
    options.steps = {2, 8};
    QString error;
    QVERIFY2(Export::write(m_trace, Export::Format::Pdf, path(QStringLiteral("steps.pdf")), options, &error),
             qPrintable(error));
    const QList<QSizeF> pages = pdfPages(readAll(path(QStringLiteral("steps.pdf"))));
    QCOMPARE(pages.size(), 7);
    for (const QSizeF &p : pages)
        QCOMPARE(p, pages.first()); // the same size, so they overlay
}

void TestExport::perStepPngSeriesOverlays()
{
    Export::Options options;
    options.perStep = true;
    options.steps = {0, 3};
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_trace, Export::Format::Png, path(QStringLiteral("slide.png")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files,
             QStringList({path(QStringLiteral("slide-1.png")), path(QStringLiteral("slide-2.png")),
                          path(QStringLiteral("slide-3.png")), path(QStringLiteral("slide-4.png"))}));
    QVERIFY(result.summary.contains(QStringLiteral("slide-1.png")));
    QImage previous;
    for (const QString &file : result.files) {
        const QImage image(file);
        QVERIFY(!image.isNull());
        if (!previous.isNull()) {
            QCOMPARE(image.size(), previous.size());
            QVERIFY2(image != previous, "a step added nothing to the picture");
        }
        previous = image;
    }
}

void TestExport::png2xHasTwicePixels()
{
    Export::Options options;
    QString error;
    QVERIFY2(Export::write(m_trace, Export::Format::Png, path(QStringLiteral("one.png")), options, &error),
             qPrintable(error));
    options.scale = 2;
    QVERIFY2(Export::write(m_trace, Export::Format::Png, path(QStringLiteral("two.png")), options, &error),
             qPrintable(error));
    const QImage one(path(QStringLiteral("one.png")));
    const QImage two(path(QStringLiteral("two.png")));
    QVERIFY(!one.isNull() && !two.isNull());
    QCOMPARE(two.size(), one.size() * 2);
    // 2× is meant for print too: the file says 192 dpi, so it prints at the same size as 1×.
    QCOMPARE(qRound(two.dotsPerMeterX() * 0.0254), 192);
    // A themed background: the light theme's corner is opaque.
    QCOMPARE(qAlpha(one.pixel(0, 0)), 255);
}

void TestExport::tallPngIsTiled()
{
    // Past QPainter's 32,767 px: at a quarter scale the pixels stay few (quick to encode and read
    // back) while the picture is still taller than one image can be.
    Export::Options options;
    options.scale = 0.25;
    options.steps = {0, 5999};
    const DiagramRenderer renderer(m_long, options.diagram);
    const QSizeF size = renderer.size(options.steps);
    const QSize pixels = DiagramImages::pixelSize(size, options.scale);
    QVERIFY2(pixels.height() > DiagramImages::kMaxPainterPixels, qPrintable(QString::number(pixels.height())));
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_long, Export::Format::Png, path(QStringLiteral("tall.png")), options, &error, &result),
             qPrintable(error));
    QVERIFY(result.files.size() > 1);
    QVERIFY2(result.summary.startsWith(QStringLiteral("wrote %1 tiles").arg(result.files.size())),
             qPrintable(result.summary));
    // Each tile is a part of the diagram broken between rows, with the lifeline titles on top.
    const qreal maxTile = std::floor(DiagramImages::maxTilePixels(pixels.width()) / options.scale);
    const std::vector<StepRange> parts = DiagramImages::splitSteps(renderer, options.steps, maxTile);
    QCOMPARE(qsizetype(parts.size()), result.files.size());
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        QVERIFY(result.files[i].endsWith(QStringLiteral("tall-%1.png").arg(i + 1)));
        const QImage tile(result.files[i]);
        QVERIFY(!tile.isNull());
        QVERIFY(tile.height() <= DiagramImages::kMaxPainterPixels);
        QCOMPARE(tile.size(), DiagramImages::pixelSize(renderer.size(parts[size_t(i)]), options.scale));
    }
}

void TestExport::splitStepsBetweenRows()
{
    const DiagramRenderer renderer(m_long, {});
    const StepRange all {0, renderer.stepCount() - 1};
    const qreal max = 5000;
    const std::vector<StepRange> parts = DiagramImages::splitSteps(renderer, all, max);
    QVERIFY(parts.size() > 2);
    int next = 0;
    for (const StepRange &part : parts) {
        QCOMPARE(part.first, next); // consecutive, nothing left out or repeated
        QVERIFY(part.last >= part.first);
        QVERIFY(renderer.size(part).height() <= max);
        // As full as it can be: one more row would not fit.
        if (part.last < all.last) QVERIFY(renderer.size({part.first, part.last + 1}).height() > max);
        next = part.last + 1;
    }
    QCOMPARE(next, renderer.stepCount());
}

void TestExport::stepRangeOutsideIsRefused()
{
    Export::Options options;
    options.steps = {5000, 5001};
    QString error;
    QVERIFY(!Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("range.svg")), options, &error));
    QVERIFY2(error.contains(QStringLiteral("steps 5001:5002")), qPrintable(error));
    QVERIFY(!QFile::exists(path(QStringLiteral("range.svg"))));
}

void TestExport::unwritablePathKeepsTheOldFile()
{
    // Tests run as root, which ignores permission bits; procfs refuses new files even to root.
    const QByteArray before = readAll(QStringLiteral("/proc/version"));
    if (before.isEmpty()) QSKIP("no /proc/version here");
    for (Export::Format f : {Export::Format::Json, Export::Format::Svg, Export::Format::Pdf, Export::Format::Png}) {
        QString error;
        QVERIFY(!Export::write(m_trace, f, QStringLiteral("/proc/version"), {}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write /proc/version: ")), qPrintable(error));
        QCOMPARE(readAll(QStringLiteral("/proc/version")), before);
    }
    QString error;
    QVERIFY(!Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("no/such/dir/x.svg")), {}, &error));
    QVERIFY2(error.contains(path(QStringLiteral("no/such/dir/x.svg"))), qPrintable(error));
}

void TestExport::perStepOnlyForImages()
{
    Export::Options options;
    options.perStep = true;
    QString error;
    QVERIFY(!Export::write(m_trace, Export::Format::Pcap, path(QStringLiteral("x.pcap")), options, &error));
    QVERIFY2(error.contains(QStringLiteral("pcap")), qPrintable(error));
}

void TestExport::copiesToTheClipboard()
{
    Export::Options options;
    options.scale = 2;
    QString error;
    QVERIFY2(Export::copyImageToClipboard(m_trace, options, &error), qPrintable(error));
    const QImage copied = QGuiApplication::clipboard()->image();
    const QSizeF size = DiagramRenderer(m_trace, options.diagram).size();
    QCOMPARE(copied.size(), DiagramImages::pixelSize(size, 2));
    // Too large for one image: refused with a reason, not a broken clipboard.
    options.scale = 1;
    QVERIFY(!Export::copyImageToClipboard(m_long, options, &error));
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
}

void TestExport::scenarioSlidesAreItsSteps_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("png") << int(Export::Format::Png);
    QTest::newRow("svg") << int(Export::Format::Svg);
}

void TestExport::scenarioSlidesAreItsSteps()
{
    QFETCH(int, format);
    const Export::Format f = Export::Format(format);
    const QString name = QStringLiteral("scenario.") + Export::fileExtension(f);
    Export::Options options;
    options.perStep = true;
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_steps, f, path(name), options, &error, &result), qPrintable(error));
    // One slide per scenario step, not per row (the diagram has more rows than the scenario steps).
    QVERIFY(DiagramRenderer(m_steps, options.diagram).stepCount() > m_stepCount);
    QCOMPARE(result.files.size(), m_stepCount);
    QVERIFY2(result.summary.contains(QStringLiteral("wrote %1 slide images").arg(m_stepCount)),
             qPrintable(result.summary));
    QSizeF first;
    for (const QString &file : result.files) {
        const QSizeF size = f == Export::Format::Png ? QSizeF(QImage(file).size()) : svgSize(readAll(file));
        QVERIFY(!size.isEmpty());
        if (first.isEmpty()) first = size;
        QCOMPARE(size, first); // they overlay
    }
    // The diagram and a caption band under it.
    const QSizeF diagram = DiagramRenderer(m_steps, options.diagram).size();
    QVERIFY(qAbs(first.width() - diagram.width()) < 1);
    QVERIFY(first.height() > diagram.height() + 10);
}

void TestExport::scenarioPdfHasOnePagePerStep()
{
    Export::Options options;
    options.perStep = true;
    QString error;
    Export::Result result;
    QVERIFY2(
        Export::write(m_steps, Export::Format::Pdf, path(QStringLiteral("scenario.pdf")), options, &error, &result),
        qPrintable(error));
    const QList<QSizeF> pages = pdfPages(readAll(path(QStringLiteral("scenario.pdf"))));
    QCOMPARE(pages.size(), m_stepCount);
    for (const QSizeF &p : pages)
        QCOMPARE(p, pages.first());
    QVERIFY2(result.summary.contains(QStringLiteral("%1 pages, one per step").arg(m_stepCount)),
             qPrintable(result.summary));
}

void TestExport::stepRangeCountsScenarioSteps()
{
    Export::Options options;
    options.perStep = true;
    options.steps = {1, 2}; // --steps 2:3
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("range.svg")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), 2);
    // The picture is the rows of those steps: from accept() to the end of the connect step.
    const DiagramRenderer renderer(m_steps, options.diagram);
    const StepRange rows {renderer.firstRowOfTraceStep(1), renderer.lastRowOfTraceStep(2)};
    QVERIFY(rows.first > 0 && rows.last > rows.first);
    const QSizeF size = svgSize(readAll(result.files.first()));
    QVERIFY(size.height() > renderer.size(rows).height());
    QVERIFY(size.height() < renderer.size().height());
    // The last slide has the whole handshake, the first only the accept() call.
    const QStringList firstTexts = svgTexts(readAll(result.files.first()), &error);
    const QStringList lastTexts = svgTexts(readAll(result.files.last()), &error);
    auto has = [](const QStringList &texts, const QString &what) {
        return std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.contains(what); });
    };
    QVERIFY(has(firstTexts, QStringLiteral("accept(3)")));
    QVERIFY(!has(firstTexts, QStringLiteral("SYN J")));
    QVERIFY(has(lastTexts, QStringLiteral("SYN J")));
    // A scenario has 8 steps, not the diagram's rows.
    options.steps = {8, 8};
    QVERIFY(!Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("beyond.svg")), options, &error));
    QVERIFY2(error.contains(QStringLiteral("steps 9:9 are not in the scenario, which has steps 1:8")),
             qPrintable(error));
    // Text diagrams take the same steps: the connect step alone has the handshake and nothing else.
    options = {};
    options.steps = {2, 2};
    QVERIFY2(Export::write(m_steps, Export::Format::Mermaid, path(QStringLiteral("connect.mmd")), options, &error),
             qPrintable(error));
    const QByteArray mermaid = readAll(path(QStringLiteral("connect.mmd")));
    QVERIFY2(mermaid.contains("SYN J") && mermaid.contains("ACK K+1"), mermaid.constData());
    QVERIFY2(!mermaid.contains("listen(") && !mermaid.contains("write("), mermaid.constData());
}

void TestExport::emptyStepRepeatsThePicture()
{
    Export::Options options;
    options.perStep = true;
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_steps, Export::Format::Png, path(QStringLiteral("empty.png")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), m_stepCount);
    // Step 4 recorded nothing: the diagram is the connect step's; only the caption differs.
    const DiagramRenderer renderer(m_steps, options.diagram);
    QCOMPARE(m_steps.stepBegin(3), m_steps.stepEnd(3));
    QCOMPARE(renderer.lastRowOfTraceStep(3), renderer.lastRowOfTraceStep(2));
    const int diagramHeight = DiagramImages::pixelSize(renderer.size(), 1).height();
    const QImage connect(result.files[2]);
    const QImage empty(result.files[3]);
    const QImage write(result.files[4]);
    QCOMPARE(empty.size(), connect.size());
    QCOMPARE(empty.copy(0, 0, empty.width(), diagramHeight), connect.copy(0, 0, connect.width(), diagramHeight));
    QVERIFY(empty.copy(0, diagramHeight, empty.width(), empty.height() - diagramHeight)
            != connect.copy(0, diagramHeight, connect.width(), connect.height() - diagramHeight));
    QVERIFY(write.copy(0, 0, write.width(), diagramHeight) != empty.copy(0, 0, empty.width(), diagramHeight));

    // A build that starts with the empty step: its slide has nothing yet but the lifeline titles.
    options.steps = {3, 4};
    QVERIFY2(
        Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("from-empty.svg")), options, &error, &result),
        qPrintable(error));
    QCOMPARE(result.files.size(), 2);
    const QStringList nothing = svgTexts(readAll(result.files[0]), &error);
    const QStringList first = svgTexts(readAll(result.files[1]), &error);
    auto has = [](const QStringList &texts, const QString &what) {
        return std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.contains(what); });
    };
    QVERIFY(has(nothing, QStringLiteral("client 10.0.0.1")));
    QVERIFY(has(nothing, QStringLiteral("4/8 Generated step 4: nothing happens.")));
    QVERIFY2(!has(nothing, QStringLiteral("write(")) && !has(nothing, QStringLiteral("len 5")),
             qPrintable(nothing.join(u'|')));
    QVERIFY(has(first, QStringLiteral("write(")) && has(first, QStringLiteral("len 5")));
}

void TestExport::captionsAreOnTheSlides()
{
    Export::Options options;
    options.perStep = true;
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("caption.svg")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), m_stepCount);
    for (int k = 0; k < m_stepCount; ++k) {
        const QStringList texts = svgTexts(readAll(result.files[k]), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Wrapped into lines: the caption is every line after the diagram's texts, in order.
        const QString all = texts.join(u' ');
        const QString want =
            QStringLiteral("%1/%2 %3").arg(k + 1).arg(m_stepCount).arg(m_steps.steps()[size_t(k)].caption);
        QVERIFY2(all.contains(want.simplified()), qPrintable(all.right(300)));
        // No other step's caption.
        const QString other = QStringLiteral("Generated step %1:").arg(k == 0 ? 2 : 1);
        QVERIFY(!all.contains(other));
    }
    // The connect step's long caption takes several lines: no line is wider than the slide.
    const QStringList connect = svgTexts(readAll(result.files[2]), &error);
    const qsizetype lines = std::count_if(connect.begin(), connect.end(), [](const QString &t) {
        return t.contains(QStringLiteral("kernel")) || t.contains(QStringLiteral("accept(),"));
    });
    QVERIFY2(lines >= 2, qPrintable(connect.join(u'|')));
}

void TestExport::predictAsksBeforeItAnswers()
{
    Export::Options options;
    options.perStep = true;
    options.predict = true;
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("predict.svg")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), 2 * m_stepCount);
    QVERIFY2(result.summary.contains(QStringLiteral("a question and an answer per step")), qPrintable(result.summary));
    auto texts = [&](int slide) {
        QString why;
        return svgTexts(readAll(result.files[slide]), &why);
    };
    auto has = [](const QStringList &t, const QString &what) {
        return std::any_of(t.begin(), t.end(), [&](const QString &s) { return s.contains(what); });
    };
    // Step 3 (connect): question slide 5, answer slide 6.
    const QStringList question = texts(4);
    const QStringList answer = texts(5);
    QVERIFY(has(question, QStringLiteral("What does the kernel send now?")));
    QVERIFY(has(question, QStringLiteral("3/8")));
    for (const QString &label :
         {QStringLiteral("SYN J"), QStringLiteral("SYN K, ACK J+1"), QStringLiteral("ACK K+1")}) {
        QVERIFY2(!has(question, label), qPrintable(label));
        QVERIFY2(has(answer, label), qPrintable(label));
    }
    QVERIFY(question.contains(QStringLiteral("?"))); // one per arrow
    QCOMPARE(question.count(QStringLiteral("?")), 3);
    // Everything else of the step is there: its calls and states.
    QVERIFY(has(question, QStringLiteral("connect(")));
    QVERIFY(has(question, QStringLiteral("ESTABLISHED")));
    QVERIFY(!has(answer, QStringLiteral("What does the kernel send now?")));
    // The question of the next write keeps the handshake's labels (shown before) and hides its own.
    const QStringList writeQuestion = texts(8);
    QVERIFY(has(writeQuestion, QStringLiteral("SYN J")));
    QVERIFY(!has(writeQuestion, QStringLiteral("len 5")));
    QCOMPARE(writeQuestion.count(QStringLiteral("?")), 2); // the data and its ACK
    QVERIFY(has(texts(9), QStringLiteral("len 5")));
    // All slides the same size: question and answer overlay too.
    const QSizeF size = svgSize(readAll(result.files.first()));
    for (const QString &file : result.files)
        QCOMPARE(svgSize(readAll(file)), size);

    // PDF: a page each.
    QVERIFY2(Export::write(m_steps, Export::Format::Pdf, path(QStringLiteral("predict.pdf")), options, &error),
             qPrintable(error));
    QCOMPARE(pdfPages(readAll(path(QStringLiteral("predict.pdf")))).size(), 2 * m_stepCount);
}

void TestExport::predictNeedsPerStep()
{
    Export::Options options;
    options.predict = true;
    QString error;
    QVERIFY(!Export::write(m_steps, Export::Format::Png, path(QStringLiteral("q.png")), options, &error));
    QVERIFY2(error.contains(QStringLiteral("one file or page per step")), qPrintable(error));
    QVERIFY(!QFile::exists(path(QStringLiteral("q.png"))));
}

void TestExport::wholeScenarioImageHasNoCaption()
{
    Export::Options options;
    QString error;
    QVERIFY2(Export::write(m_steps, Export::Format::Png, path(QStringLiteral("whole.png")), options, &error),
             qPrintable(error));
    const QImage image(path(QStringLiteral("whole.png")));
    QCOMPARE(image.size(), DiagramImages::pixelSize(DiagramRenderer(m_steps, options.diagram).size(), 1));
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("whole.svg")), options, &error),
             qPrintable(error));
    QVERIFY(!readAll(path(QStringLiteral("whole.svg"))).contains("Generated step"));
}

void TestExport::captionsBesideAWholeFigure()
{
    // --captions: every step's caption, numbered, in a column right of the diagram, in every
    // image format; the diagram itself is unchanged.
    Export::Options options;
    options.captions = true;
    QString error;
    const DiagramRenderer renderer(m_steps, options.diagram);
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("listed.svg")), options, &error),
             qPrintable(error));
    const QByteArray svg = readAll(path(QStringLiteral("listed.svg")));
    const QStringList texts = svgTexts(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString all = texts.join(u' ');
    for (int k = 0; k < m_stepCount; ++k) {
        QVERIFY2(texts.contains(QStringLiteral("%1.").arg(k + 1)), qPrintable(all.right(400)));
        QVERIFY2(all.contains(m_steps.steps()[size_t(k)].caption.simplified()),
                 qPrintable(m_steps.steps()[size_t(k)].caption));
    }
    QVERIFY(svgSize(svg).width() > renderer.size().width());
    QVERIFY(svgSize(svg).height() >= renderer.size().height());

    QVERIFY2(Export::write(m_steps, Export::Format::Png, path(QStringLiteral("listed.png")), options, &error),
             qPrintable(error));
    const QImage image(path(QStringLiteral("listed.png")));
    QVERIFY(image.width() > DiagramImages::pixelSize(renderer.size(), 1).width());
    QVERIFY2(Export::write(m_steps, Export::Format::Pdf, path(QStringLiteral("listed.pdf")), options, &error),
             qPrintable(error));
    const QList<QSizeF> pages = pdfPages(readAll(path(QStringLiteral("listed.pdf"))));
    QCOMPARE(pages.size(), 1);
    QVERIFY(pages.first().width() > renderer.size().width() * 72.0 / 96.0 + 1);

    // A range lists only its own steps.
    options.steps = {1, 2};
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("part.svg")), options, &error),
             qPrintable(error));
    const QStringList part = svgTexts(readAll(path(QStringLiteral("part.svg"))), &error);
    QVERIFY(part.contains(QStringLiteral("2.")) && part.contains(QStringLiteral("3.")));
    QVERIFY(!part.contains(QStringLiteral("1.")) && !part.contains(QStringLiteral("4.")));
}

void TestExport::captionsFollowTheirRows()
{
    // Each caption starts level with its step's first row or below it, never above, and never
    // over the caption before it.
    Export::Options options;
    options.captions = true;
    QString error;
    QVERIFY2(Export::write(m_steps, Export::Format::Svg, path(QStringLiteral("rows.svg")), options, &error),
             qPrintable(error));
    const QByteArray svg = readAll(path(QStringLiteral("rows.svg")));
    // The numbers' baselines, in order: Qt's SVG generator writes each text with x and y.
    QXmlStreamReader xml(svg);
    std::vector<qreal> numberY;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"text") continue;
        const qreal y = xml.attributes().value(QStringLiteral("y")).toDouble();
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        if (text == QStringLiteral("%1.").arg(numberY.size() + 1)) numberY.push_back(y);
    }
    QCOMPARE(int(numberY.size()), m_stepCount);
    const DiagramRenderer renderer(m_steps, options.diagram);
    for (int k = 0; k < m_stepCount; ++k) {
        if (k > 0) QVERIFY2(numberY[size_t(k)] > numberY[size_t(k - 1)], qPrintable(QString::number(k)));
        int row = renderer.firstRowOfTraceStep(k);
        if (row > renderer.lastRowOfTraceStep(k)) continue; // an empty step follows the one before it
        QVERIFY2(numberY[size_t(k)] >= renderer.rowYIn({}, row) - 2,
                 qPrintable(QStringLiteral("step %1 at %2, its row at %3")
                                .arg(k + 1)
                                .arg(numberY[size_t(k)])
                                .arg(renderer.rowYIn({}, row))));
    }
}

void TestExport::rowSlidesGetCaptionsWhenAsked()
{
    // A trace without scenario steps: with --captions, each row's slide says what its event means.
    Export::Options options;
    options.perStep = true;
    options.captions = true;
    options.steps = {0, 2};
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("rowcap.svg")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), 3);
    const int total = DiagramRenderer(m_trace, options.diagram).stepCount();
    for (int k = 0; k < 3; ++k) {
        const QString all = svgTexts(readAll(result.files[k]), &error).join(u' ');
        QVERIFY2(all.contains(QStringLiteral("%1/%2").arg(k + 1).arg(total)), qPrintable(all.right(200)));
    }
}

void TestExport::byHandTraceKeepsRowSlides()
{
    // No scenario steps: a step is a row, as before, with no caption band.
    QVERIFY(m_trace.steps().empty());
    Export::Options options;
    options.perStep = true;
    options.steps = {0, 2};
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("rows.svg")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), 3);
    const DiagramRenderer renderer(m_trace, options.diagram);
    // The rows, and the space of the next one, for what the last row draws reaching down into it.
    const QSizeF rows = renderer.size({options.steps.first, options.steps.last + 1});
    const QSizeF slide = svgSize(readAll(result.files.first()));
    QVERIFY(qAbs(slide.width() - rows.width()) < 0.1 && qAbs(slide.height() - rows.height()) < 0.1);
    // With questions: each row asked, then shown, numbered so they pair up.
    options.predict = true;
    QVERIFY2(Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("rowq.svg")), options, &error, &result),
             qPrintable(error));
    QCOMPARE(result.files.size(), 6);
    const QStringList question = svgTexts(readAll(result.files.first()), &error);
    QVERIFY(question.contains(QStringLiteral("1/%1 What does the kernel send now?").arg(renderer.stepCount())));
}

SYNSCOPE_TEST_MAIN(TestExport)
#include "tst_export.moc"
