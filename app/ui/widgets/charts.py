"""Small bar charts drawn with QPainter (the office's Qt has no QtCharts): a title, a value axis
with round steps and grid lines, Chinese category labels, value labels and a legend."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# The same colours as the printed statistics (app/reports/annual_statistics.py).
BLUE, GREEN, ORANGE, RED, GREY = "#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#9c9c9c"
STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000)


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: list[int]


def axis_step(top: int, ticks: int = 5) -> int:
    """A round step that divides 0..top into at most `ticks` parts."""
    return next((step for step in STEPS if top / step <= ticks), max(1, top // ticks))


class BarChart(QWidget):
    """Bars side by side per category; `set_data` replaces what is shown."""

    stacked = False

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.bar_colors: list[str] = []  # one series: a colour per bar
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(420, 240)

    def set_data(
        self,
        categories: list[str],
        series: list[Series],
        title: str | None = None,
        bar_colors: list[str] | None = None,
    ) -> None:
        self.categories, self.series = categories, series
        self.bar_colors = bar_colors or []
        if title is not None:
            self.title = title
        self.setToolTip(self._summary())
        self.update()

    def _summary(self) -> str:
        """The numbers in words, for the tooltip (and anyone who cannot read the bars)."""
        lines = [self.title]
        for i, category in enumerate(self.categories):
            parts = [f"{s.name} {s.values[i]}" for s in self.series]
            lines.append(f"{category}：{'，'.join(parts)}")
        return "\n".join(lines)

    def column_total(self, i: int) -> int:
        values = [s.values[i] for s in self.series]
        return sum(values) if self.stacked else max(values, default=0)

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        line = fm.height()
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor("#222"))
        p.drawText(
            QRectF(8, 4, self.width() - 16, line + 4), Qt.AlignmentFlag.AlignLeft, self.title
        )
        p.setFont(self.font())
        legend_height = self._draw_legend(p, fm, line + 8) if len(self.series) > 1 else 0
        highest = self._axis_top()
        step = axis_step(max(highest, 1))
        top = step * (highest // step + 1)  # room above the tallest bar for its value
        label_width = fm.horizontalAdvance(str(top)) + 10
        plot = QRectF(label_width + 8, line + 14 + legend_height, 0, 0)
        plot.setRight(self.width() - 12)
        plot.setBottom(self.height() - line - 10)
        if plot.height() < 20 or plot.width() < 40:
            p.end()
            return
        self._draw_axis(p, fm, plot, top, step)
        self._draw_bars(p, fm, plot, top)
        p.end()

    def _axis_top(self) -> int:
        return max((self.column_total(i) for i in range(len(self.categories))), default=0)

    def _draw_legend(self, p: QPainter, fm: QFontMetrics, y: float) -> int:
        x = 8.0
        for s in self.series:
            p.fillRect(QRectF(x, y + 3, 12, 12), QColor(s.color))
            p.setPen(QColor("#333"))
            p.drawText(
                QRectF(x + 16, y, fm.horizontalAdvance(s.name) + 4, fm.height() + 2),
                Qt.AlignmentFlag.AlignVCenter,
                s.name,
            )
            x += 16 + fm.horizontalAdvance(s.name) + 18
        return fm.height() + 6

    def _draw_axis(self, p: QPainter, fm: QFontMetrics, plot: QRectF, top: int, step: int) -> None:
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            p.setPen(QPen(QColor("#e2e2e2") if value else QColor("#888"), 1))
            p.drawLine(QLineF(plot.left(), y, plot.right(), y))
            p.setPen(QColor("#555"))
            p.drawText(
                QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )

    def _draw_bars(self, p: QPainter, fm: QFontMetrics, plot: QRectF, top: int) -> None:
        count = len(self.categories)
        if not count or not self.series:
            return
        slot = plot.width() / count
        lanes = 1 if self.stacked else len(self.series)
        bar = min(slot * 0.7 / lanes, 48)
        for i, category in enumerate(self.categories):
            left = plot.left() + slot * i + (slot - bar * lanes) / 2
            base = plot.bottom()
            for n, s in enumerate(self.series):
                value = s.values[i]
                height = plot.height() * value / top
                x = left if self.stacked else left + bar * n
                y = base - height if self.stacked else plot.bottom() - height
                color = self.bar_colors[i] if self.bar_colors and len(self.series) == 1 else s.color
                if value:
                    p.fillRect(QRectF(x, y, bar, height), QColor(color))
                if self.stacked:
                    base = y
                    if value and height >= fm.height():
                        p.setPen(QColor("white"))
                        p.drawText(
                            QRectF(x, y, bar, height), Qt.AlignmentFlag.AlignCenter, str(value)
                        )
                else:
                    self._value_label(
                        p, fm, QRectF(x - 10, y - fm.height() - 1, bar + 20, fm.height()), value
                    )
            if self.stacked:
                total = self.column_total(i)
                self._value_label(
                    p, fm, QRectF(left - 10, base - fm.height() - 1, bar + 20, fm.height()), total
                )
            p.setPen(QColor("#333"))
            p.drawText(
                QRectF(plot.left() + slot * i, plot.bottom() + 3, slot, fm.height() + 2),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                fm.elidedText(category, Qt.TextElideMode.ElideRight, int(slot)),
            )

    def _value_label(self, p: QPainter, fm: QFontMetrics, rect: QRectF, value: int) -> None:
        p.setPen(QColor("#333"))
        p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(value))


class StackedBarChart(BarChart):
    """The series stacked in one bar per category, the column's total above it."""

    stacked = True
