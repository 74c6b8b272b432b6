"""Percentages printed as whole numbers rounded half up (5 of 8 = 63%), never half to even."""

import pytest

from s11audit.figures import percent_of, percent_text, points_text, round_half_up, whole_percent


@pytest.mark.parametrize(("part", "whole", "shown"), [(5, 8, 63), (1, 8, 13), (3, 8, 38), (7, 8, 88), (1, 3, 33),
                                                       (2, 3, 67), (0, 5, 0), (5, 5, 100), (1, 200, 1), (1, 400, 0)])
def test_a_share_is_a_whole_percentage_rounded_half_up(part, whole, shown):
    assert percent_of(part, whole) == shown


def test_nothing_to_take_a_share_of_has_no_figure():
    assert percent_of(3, 0) is None and whole_percent(None) is None and percent_text(None) == "–"


def test_texts_and_points():
    assert percent_text(62.5) == "63%" and percent_text(14.5) == "15%" and percent_text(0.4) == "0%"
    assert points_text(6.5) == "+7 points" and points_text(-2.5) == "-3 points" and points_text(0.4) == "no change"
    assert points_text(1.0) == "+1 point" and round_half_up(2.675, 2) == 2.68 and round_half_up(-2.5) == -3
