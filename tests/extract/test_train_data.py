"""The training data the recipe reads: corpus articles repeated as the recipe says."""

import json
import shutil
from pathlib import Path

import pytest

from kg.extract.train import corpus_examples

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "train"


@pytest.fixture()
def two_articles(tmp_path):
    """One first-batch article ("_w3_") and one later-batch article ("_w9h"), copied from train."""
    first = sorted(CORPUS.glob("*_w3_*.json"))[0]
    later = sorted(CORPUS.glob("*_w9h*.json"))[0]
    for js in (first, later):
        shutil.copy(js, tmp_path / js.name)
        shutil.copy(js.with_suffix(".txt"), tmp_path / js.with_suffix(".txt").name)
    return tmp_path, first.stem, later.stem


def _sentences(folder, stem):
    return len(corpus_examples(_only(folder, stem)))


def _only(folder, stem):
    sub = folder / f"only_{stem}"
    sub.mkdir(exist_ok=True)
    for suffix in (".json", ".txt"):
        shutil.copy(folder / f"{stem}{suffix}", sub / f"{stem}{suffix}")
    return sub


def test_repeat_matching_repeats_only_the_matching_articles(two_articles):
    folder, first, later = two_articles
    n_first, n_later = _sentences(folder, first), _sentences(folder, later)
    assert n_first and n_later
    assert len(corpus_examples(folder)) == n_first + n_later
    assert len(corpus_examples(folder, 3)) == 3 * (n_first + n_later)
    weighted = corpus_examples(folder, 2, {r"_w[1-8]_\d+$": 6})
    assert len(weighted) == 6 * n_first + 2 * n_later
    # the first pattern an id matches wins
    assert len(corpus_examples(folder, 1, {r"_w": 4, r"_w[1-8]_": 9})) == 4 * (n_first + n_later)


def test_without_patterns_the_split_repeats_whole_in_order(two_articles):
    folder, _, _ = two_articles
    once = corpus_examples(folder)
    assert [e.text for e in corpus_examples(folder, 2)] == [e.text for e in once] * 2




@pytest.mark.parametrize("bad", ["_w[1-8]_", "=6", "6", "_w[=3", "x=-1", "x=two"])
def test_the_training_script_refuses_a_malformed_repeat_pattern(bad, capsys):
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "train_extractor.py"
    spec = importlib.util.spec_from_file_location("train_extractor_cli", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with pytest.raises(SystemExit) as exit_:  # argparse refuses before anything is trained
        mod.main(["--corpus-repeat-matching", bad, "--out", "/nonexistent/never-written"])
    assert exit_.value.code == 2 and "REGEX=N" in capsys.readouterr().err


def test_exclude_leaves_out_the_matching_articles_and_keeps_the_rest_in_order(two_articles):
    folder, first, later = two_articles
    third = sorted(CORPUS.glob("*_w10h*.json"))[0]
    for f in (third, third.with_suffix(".txt")):
        shutil.copy(f, folder / f.name)
    kept = [e.text for e in corpus_examples(folder, exclude=r"_w9h\d")]
    expected = [e.text for stem in sorted([first, third.stem]) for e in corpus_examples(_only(folder, stem))]
    assert kept == expected and len(kept) < len(corpus_examples(folder))
    (folder / f"{third.stem}.json").unlink()
    (folder / f"{third.stem}.txt").unlink()
    n_first = _sentences(folder, first)
    kept = corpus_examples(folder, 2, exclude=r"_w9h\d")
    assert len(kept) == 2 * n_first
    assert [e.text for e in kept] == [e.text for e in corpus_examples(_only(folder, first), 2)]
    assert len(corpus_examples(folder, 1, {r"_w": 3}, exclude=r"_w[1-8]_")) == 3 * _sentences(folder, later)


def test_the_e5_recipe_reads_the_train_split_it_was_trained_on():
    """3.6 saw 13,969 corpus sentences (41,907 items at corpus_repeat 3): the batches written
    after it are left out by the recipe, so `make train` still reproduces it."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "train_extractor.py"
    spec = importlib.util.spec_from_file_location("train_extractor_recipe", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    recipe = mod.RECIPE_E5
    info = json.loads((Path(__file__).resolve().parents[2] / "kg" / "models" / "warta-extractor-e5"
                       / "training_info.json").read_text())
    n = len(corpus_examples(CORPUS, recipe["corpus_repeat"], exclude=recipe["corpus_exclude"]))
    assert n == info["n_corpus"]


def test_synthetic_sentences_can_train_the_mention_head_only():
    """--synthetic-mentions-only: a generated sentence keeps its name-tag labels and gives the
    event heads nothing to learn (no role label, no modality, full=0 masks its kinds)."""
    from kg.extract import datagen
    from kg.extract.config import WartaExtractorConfig, small_bert_encoder
    from kg.extract.processor import Processor
    from kg.extract.train import mentions_only, train_tokenizer

    ex = [e for e in datagen.generate(200, seed=3) if e.roles and e.mentions][:20]
    tok = train_tokenizer([e.text for e in datagen.generate(300, seed=1)], vocab_size=600)
    proc = Processor(tok, WartaExtractorConfig(encoder=small_bert_encoder(vocab_size=len(tok))))
    compared = 0
    for full, masked in zip(ex, mentions_only(ex)):
        ids, offs = proc.tokenize([full.text])[0]
        a, b = proc.encode_example(full, ids, offs), proc.encode_example(masked, ids, offs)
        if a is None:  # longer than one training window: not a training item either way
            assert b is None
            continue
        compared += 1
        assert a["mention_labels"] == b["mention_labels"]
        assert a["full"] == 1 and a["role_labels"].any()
        assert b["full"] == 0 and not b["role_labels"].any() and set(b["modality_labels"]) == {-100}
    assert compared >= 10


def test_synthetic_sentences_of_chosen_kinds_keep_their_event_labels():
    """--synthetic-events-for Agreement: a generated sentence with an agreement keeps every label,
    the others train the mention head only; an unknown kind is refused."""
    from kg.extract import datagen
    from kg.extract.train import mentions_only

    ex = datagen.generate(600, seed=5)
    got = mentions_only(ex, ("Agreement",))
    assert any(e.kinds[2] for e in ex) and any(e.kinds[0] and not e.kinds[2] for e in ex)
    for before, after in zip(ex, got):
        assert after.full is bool(before.kinds[2])
        assert (after.text, after.mentions, after.roles) == (before.text, before.mentions, before.roles)
    with pytest.raises(ValueError, match="Agreemnt"):
        mentions_only(ex, ("Agreemnt",))


def _train_cli():
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "train_extractor.py"
    spec = importlib.util.spec_from_file_location("train_extractor_cli_args", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _passed(monkeypatch, argv):
    import kg.extract.train as train_mod

    seen = {}
    monkeypatch.setattr(train_mod, "train", lambda out, **kw: seen.update(kw, out=out))
    assert _train_cli().main(argv) == 0
    return seen


def test_the_e5_recipe_fills_in_what_no_flag_gives_and_every_flag_wins(monkeypatch):
    mod = _train_cli()
    got = _passed(monkeypatch, ["--recipe", "e5"])
    assert (got["minutes"], got["steps"], got["n_synthetic"], got["bf16"]) == (88.0, 14013, 20_000, True)
    assert got["corpus_exclude"] == mod.RECIPE_E5["corpus_exclude"] and got["corpus_repeat"] == 3
    # a flag equal to argparse's own default still wins over the recipe
    got = _passed(monkeypatch, ["--recipe", "e5", "--minutes", "40", "--corpus-repeat", "1", "--steps", "0",
                                "--no-bf16", "--corpus-exclude", "", "--synthetic-mentions-only"])
    assert (got["minutes"], got["corpus_repeat"], got["steps"], got["bf16"]) == (40.0, 1, 0, False)
    assert not got["corpus_exclude"] and got["synthetic_events"] is False and got["synthetic_event_kinds"] == ()
    got = _passed(monkeypatch, ["--synthetic-mentions-only", "--synthetic-events-for", "Agreement, Statement"])
    assert got["synthetic_event_kinds"] == ("Agreement", "Statement")


def test_synthetic_events_for_needs_mentions_only_and_known_kinds(capsys):
    for argv in (["--synthetic-events-for", "Agreement"],
                 ["--synthetic-mentions-only", "--synthetic-events-for", "Treaty"]):
        with pytest.raises(SystemExit) as exit_:
            _train_cli().main(argv + ["--out", "/nonexistent/never-written"])
        assert exit_.value.code == 2
        assert "--synthetic-events-for" in capsys.readouterr().err


def test_make_train_leaves_out_the_same_batch_for_the_extractor_and_the_context_agent():
    import re

    make = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"train_context_agent\.py --exclude '([^']+)'", make).group(1) == _train_cli().RECIPE_E5["corpus_exclude"]


def test_a_malformed_exclude_pattern_is_refused_before_training(capsys):
    with pytest.raises(SystemExit) as exit_:
        _train_cli().main(["--corpus-exclude", "_w[", "--out", "/nonexistent/never-written"])
    assert exit_.value.code == 2 and "--corpus-exclude" in capsys.readouterr().err


def test_a_long_run_warms_up_for_300_steps_whether_steps_or_the_clock_end_it():
    from kg.extract.train import warmup_steps

    assert warmup_steps(None) == warmup_steps(0) == warmup_steps(14_013) == 300
    assert warmup_steps(500) == 50 and warmup_steps(5) == 1
