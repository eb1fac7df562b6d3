from export.whitespace import collapse_whitespace


def test_collapse_whitespace_makes_each_run_one_space_and_trims() -> None:
    assert collapse_whitespace(" a \n\t b\u00a0\u2003c  ") == "a b c"
    assert collapse_whitespace(" \n ") == ""
    assert collapse_whitespace("one") == "one"
