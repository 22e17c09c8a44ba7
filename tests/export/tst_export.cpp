// SPDX-License-Identifier: GPL-3.0-or-later
// Images of the diagram as a lecturer uses them: SVG with the labels as text, PDF pages of the
// diagram's shape (several for a long trace, one per step for a slide build), PNG at 1×/2×, tiles
// for a diagram too tall for one image; and failures that say what and where and keep the old file.

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
        pages.append(QSizeF(
            m.captured(3).toDouble() - m.captured(1).toDouble(), m.captured(4).toDouble() - m.captured(2).toDouble()));
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
    if (xml.hasError())
        *error = xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber());
    return texts;
}

}

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

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    Trace m_trace; // handshake, 4 data segments (one lost and resent, one duplicated), close
    Trace m_long; // 10,000 segments
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
    QVERIFY2(
        Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("d.svg")), options, &error), qPrintable(error));
    const QByteArray svg = readAll(path(QStringLiteral("d.svg")));
    QVERIFY(svg.size() > 1000);
    const QStringList texts = svgTexts(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!texts.isEmpty());
    SegmentLabeler labeler(m_trace);
    labeler.update();
    int labels = 0;
    for (qsizetype i = 0; i < m_trace.size(); ++i) {
        if (m_trace.at(i).kind != EventKind::Send)
            continue;
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
    QVERIFY2(
        Export::write(m_trace, Export::Format::Pdf, path(QStringLiteral("d.pdf")), options, &error), qPrintable(error));
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
    const std::vector<StepRange> parts = DiagramImages::splitSteps(renderer, { 0, renderer.stepCount() - 1 }, 19200);
    QCOMPARE(pages.size(), qsizetype(parts.size()));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages[i].height() <= 14400 + 0.5, qPrintable(QString::number(pages[i].height()))); // 200 in
        QVERIFY(pages[i].width() <= 14400 + 0.5);
        // Each page is its steps' part of the diagram, at its real size (96 px = 72 pt).
        QVERIFY(qAbs(pages[i].height() - renderer.size(parts[size_t(i)]).height() * 0.75) < 1);
    }
    QVERIFY2(
        result.summary.contains(QString::number(pages.size()) + QStringLiteral(" pages")), qPrintable(result.summary));
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
    options.steps = { 2, 8 };
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
    options.steps = { 0, 3 };
    QString error;
    Export::Result result;
    QVERIFY2(Export::write(m_trace, Export::Format::Png, path(QStringLiteral("slide.png")), options, &error, &result),
        qPrintable(error));
    QCOMPARE(result.files,
        QStringList({ path(QStringLiteral("slide-1.png")), path(QStringLiteral("slide-2.png")),
            path(QStringLiteral("slide-3.png")), path(QStringLiteral("slide-4.png")) }));
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
    options.steps = { 0, 5999 };
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
    const StepRange all { 0, renderer.stepCount() - 1 };
    const qreal max = 5000;
    const std::vector<StepRange> parts = DiagramImages::splitSteps(renderer, all, max);
    QVERIFY(parts.size() > 2);
    int next = 0;
    for (const StepRange &part : parts) {
        QCOMPARE(part.first, next); // consecutive, nothing left out or repeated
        QVERIFY(part.last >= part.first);
        QVERIFY(renderer.size(part).height() <= max);
        // As full as it can be: one more row would not fit.
        if (part.last < all.last)
            QVERIFY(renderer.size({ part.first, part.last + 1 }).height() > max);
        next = part.last + 1;
    }
    QCOMPARE(next, renderer.stepCount());
}

void TestExport::stepRangeOutsideIsRefused()
{
    Export::Options options;
    options.steps = { 5000, 5001 };
    QString error;
    QVERIFY(!Export::write(m_trace, Export::Format::Svg, path(QStringLiteral("range.svg")), options, &error));
    QVERIFY2(error.contains(QStringLiteral("steps 5001:5002")), qPrintable(error));
    QVERIFY(!QFile::exists(path(QStringLiteral("range.svg"))));
}

void TestExport::unwritablePathKeepsTheOldFile()
{
    // Tests run as root, which ignores permission bits; procfs refuses new files even to root.
    const QByteArray before = readAll(QStringLiteral("/proc/version"));
    if (before.isEmpty())
        QSKIP("no /proc/version here");
    for (Export::Format f : { Export::Format::Json, Export::Format::Svg, Export::Format::Pdf, Export::Format::Png }) {
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

SYNSCOPE_TEST_MAIN(TestExport)
#include "tst_export.moc"
