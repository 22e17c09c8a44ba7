// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "diagram/diagramrenderer.h"
#include "trace/trace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace {
// A recorded scenario is exported by its own steps (Export::Options::steps), anything else by rows.
int exportSteps(const Trace &trace, const DiagramOptions &options)
{
    if (!trace.steps().empty()) return int(trace.steps().size());
    return trace.isEmpty() ? 0 : DiagramRenderer(trace, options).stepCount();
}
} // namespace

ExportDialog::ExportDialog(const Trace &trace, const DiagramOptions &current, QWidget *parent)
    : QDialog(parent)
    , m_trace(trace)
    , m_current(current)
    , m_stepCount(exportSteps(trace, current))
{
    setWindowTitle(tr("Export"));
    auto *form = new QFormLayout;

    m_format = new QComboBox(this);
    for (Export::Format f : Export::allFormats())
        m_format->addItem(Export::formatDescription(f) + QStringLiteral(" (.") + Export::fileExtension(f) + u')',
                          int(f));
    form->addRow(tr("&Format:"), m_format);

    m_path = new QLineEdit(this);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&Location:"), pathRow);
    // A row of several widgets gives its label no buddy: without one the label shows its "&".
    static_cast<QLabel *>(form->labelForField(pathRow))->setBuddy(m_path);

    m_scale = new QComboBox(this);
    for (int s : {1, 2, 3, 4})
        m_scale->addItem(tr("%1× (%2 dpi)").arg(s).arg(96 * s), s);
    form->addRow(tr("&Scale:"), m_scale);

    m_from = new QSpinBox(this);
    m_to = new QSpinBox(this);
    const int last = qMax(1, m_stepCount);
    m_from->setRange(1, last);
    m_to->setRange(1, last);
    m_from->setValue(1);
    m_to->setValue(last);
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(new QLabel(tr("to"), this));
    rangeRow->addWidget(m_to);
    const bool scenario = !trace.steps().empty();
    const QString of = scenario
        ? (m_stepCount == 1 ? tr("of 1 scenario step") : tr("of %1 scenario steps").arg(m_stepCount))
        : (m_stepCount == 1 ? tr("of 1 step") : tr("of %1 steps").arg(m_stepCount));
    rangeRow->addWidget(new QLabel(of, this), 1);
    form->addRow(tr("&Range:"), rangeRow);
    static_cast<QLabel *>(form->labelForField(rangeRow))->setBuddy(m_from);

    m_perStep = new QCheckBox(tr("One image or page per step (slide build)"), this);
    m_predict = new QCheckBox(tr("A question slide before each step (its segments unlabelled)"), this);
    // Indented under the slide build it belongs to.
    auto *slides = new QVBoxLayout;
    slides->addWidget(m_perStep);
    auto *predictRow = new QHBoxLayout;
    predictRow->addSpacing(style()->pixelMetric(QStyle::PM_IndicatorWidth) + 6);
    predictRow->addWidget(m_predict, 1);
    slides->addLayout(predictRow);
    // A scenario's slides carry their captions anyway; this is the handout's numbered list.
    m_captions = new QCheckBox(tr("The steps' captions as a numbered list beside the figure"), this);
    slides->addWidget(m_captions);
    form->addRow(QString(), slides);

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Light (projector)"), int(DiagramTheme::Light));
    m_theme->addItem(tr("Dark"), int(DiagramTheme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    form->addRow(tr("&Theme:"), m_theme);

    m_numbers = new QComboBox(this);
    m_numbers->addItem(tr("Symbolic (J, K+1)"), int(NumberStyle::Symbolic));
    m_numbers->addItem(tr("Relative"), int(NumberStyle::Relative));
    m_numbers->addItem(tr("Absolute"), int(NumberStyle::Absolute));
    m_numbers->setCurrentIndex(m_numbers->findData(int(current.numbers)));
    form->addRow(tr("&Numbers:"), m_numbers);

    m_transparent = new QCheckBox(tr("Transparent background"), this);
    m_transparent->setChecked(current.transparentBackground);
    form->addRow(QString(), m_transparent);

    m_handout = new QCheckBox(tr("Handout on paper pages"), this);
    m_paper = new QComboBox(this);
    m_paper->addItem(tr("A4"), int(QPageSize::A4));
    m_paper->addItem(tr("Letter"), int(QPageSize::Letter));
    auto *handoutRow = new QHBoxLayout;
    handoutRow->addWidget(m_handout);
    handoutRow->addWidget(m_paper, 1);
    form->addRow(QString(), handoutRow);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(DiagramRenderer::errorColorForApplication().name()));
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_perStep, &QCheckBox::toggled, this, &ExportDialog::updateEnabled);
    connect(m_handout, &QCheckBox::toggled, this, &ExportDialog::updateEnabled);
    connect(m_from, &QSpinBox::valueChanged, m_to, [this](int v) { m_to->setMinimum(v); });

    setPath(QDir::home().filePath(QStringLiteral("synscope.png")));
    updateEnabled();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    if (const std::optional<Export::Format> f = Export::formatFromName(QFileInfo(path).suffix())) setFormat(*f);
}

QString ExportDialog::path() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void ExportDialog::setFormat(Export::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

Export::Format ExportDialog::format() const
{
    return Export::Format(m_format->currentData().toInt());
}

Export::Options ExportDialog::options() const
{
    Export::Options o;
    o.diagram = m_current;
    o.diagram.theme = DiagramTheme(m_theme->currentData().toInt());
    o.diagram.numbers = NumberStyle(m_numbers->currentData().toInt());
    o.diagram.transparentBackground = m_transparent->isChecked();
    o.scale = m_scale->currentData().toInt();
    o.steps.first = m_from->value() - 1;
    o.steps.last = m_to->value() == m_stepCount ? -1 : m_to->value() - 1;
    o.perStep = m_perStep->isEnabled() && m_perStep->isChecked();
    o.predict = o.perStep && m_predict->isChecked();
    o.captions = m_captions->isEnabled() && m_captions->isChecked();
    o.handout = m_handout->isEnabled() && m_handout->isChecked();
    o.handoutPage = QPageSize(QPageSize::PageSizeId(m_paper->currentData().toInt()));
    o.captionText = m_captionText;
    return o;
}

QString ExportDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString ExportDialog::summary() const
{
    return m_summary;
}

void ExportDialog::formatChanged()
{
    // Keep the file name in step with the format, as a save dialog does.
    const QString current = path();
    if (!current.isEmpty()) {
        const QFileInfo info(current);
        const QString wanted = Export::fileExtension(format());
        if (info.suffix().toLower() != wanted) {
            const QString stem =
                info.suffix().isEmpty() ? current : current.left(current.size() - info.suffix().size() - 1);
            m_path->setText(QDir::toNativeSeparators(stem + u'.' + wanted));
        }
    }
    updateEnabled();
}

void ExportDialog::browse()
{
    const Export::Format f = format();
    const QString filter = Export::formatDescription(f) + QStringLiteral(" (*.") + Export::fileExtension(f) + u')';
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path(), filter);
    if (!chosen.isEmpty()) setPath(chosen);
}

void ExportDialog::updateEnabled()
{
    const Export::Format f = format();
    const bool image = Export::isDiagramImage(f);
    const bool ranged = image || f == Export::Format::Mermaid || f == Export::Format::PlantUml;
    m_scale->setEnabled(f == Export::Format::Png);
    m_from->setEnabled(ranged && m_stepCount > 0);
    m_to->setEnabled(ranged && m_stepCount > 0);
    m_perStep->setEnabled(image && !(f == Export::Format::Pdf && m_handout->isChecked()));
    m_predict->setEnabled(m_perStep->isEnabled() && m_perStep->isChecked());
    m_captions->setEnabled(image && !m_perStep->isChecked());
    m_theme->setEnabled(image);
    m_transparent->setEnabled(f == Export::Format::Png || f == Export::Format::Svg);
    m_numbers->setEnabled(ranged);
    m_handout->setEnabled(f == Export::Format::Pdf && !m_perStep->isChecked());
    m_paper->setEnabled(m_handout->isEnabled() && m_handout->isChecked());
}

void ExportDialog::accept()
{
    QString error;
    Export::Result result;
    if (path().isEmpty()) {
        error = tr("Choose a file to export to.");
    } else if (Export::write(m_trace, format(), path(), options(), &error, &result)) {
        m_summary =
            result.summary.isEmpty() ? tr("Exported to %1").arg(QDir::toNativeSeparators(path())) : result.summary;
        m_error->hide();
        emit exported(m_summary);
        QDialog::accept();
        return;
    }
    m_error->setText(error);
    m_error->show();
}
