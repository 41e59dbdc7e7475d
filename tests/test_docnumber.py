import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import UserError
from app.services.docnumber import DocNumber, normalize, parse


@pytest.mark.parametrize(
    "typed",
    [
        "桂民发〔2022〕7号",
        "桂民发[2022]7号",
        "桂民发（2022）7号",
        "桂民发(2022)7号",
        "桂民发【2022】7号",
        " 桂民发 〔2022〕 7 号 ",
    ],
)
def test_mistyped_brackets_are_stored_as_hexagonal(typed):
    assert normalize(typed) == "桂民发〔2022〕7号"


@pytest.mark.parametrize(
    "bad",
    [
        "桂民发2022年7号",
        "〔2022〕7号",
        "桂民发〔22〕7号",
        "桂民发〔2022〕号",
        "桂民发〔2022〕0号",
        "",
    ],
)
def test_malformed_numbers_are_refused_with_field_name(bad):
    with pytest.raises(UserError, match="发文字号"):
        parse(bad)


@given(
    abbr=st.text(alphabet="桂民发府办规财教", min_size=1, max_size=5),
    year=st.integers(1950, 2100),
    serial=st.integers(1, 9999),
)
def test_formatting_then_parsing_round_trips(abbr, year, serial):
    number = DocNumber(abbr, year, serial)
    assert parse(str(number)) == number
