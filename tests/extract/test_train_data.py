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
    """The shipped model and each of its stages saw the train split without the batches written
    after it: 3.6 13,969 corpus sentences (41,907 items at corpus_repeat 3) before the eighth to
    twelfth batches, 3.13 56,028 items before the tenth, 3.14c 60,531 before the eleventh. The
    recipe leaves out what each stage did not see, so `make train` still reproduces it."""
    mod = _train_cli()
    recipe = mod.RECIPE_E5
    info = json.loads((Path(__file__).resolve().parents[2] / "kg" / "models" / "warta-extractor-e5"
                       / "training_info.json").read_text())
    n = len(corpus_examples(CORPUS, recipe["corpus_repeat"], exclude=recipe["corpus_exclude"]))
    assert n == info["n_corpus"]
    config = json.loads((Path(__file__).resolve().parents[2] / "kg" / "models" / "warta-extractor-e5"
                         / "config.json").read_text())
    assert info["steps"] == recipe["steps"] and config["model_version"] == recipe["model_version"]
    for stage, items in ((mod.RECIPE_E5_36, 41_907), (mod.RECIPE_E5_313, 56_028), (mod.RECIPE_E5_314C, 60_531)):
        assert len(corpus_examples(CORPUS, stage["corpus_repeat"], exclude=stage["corpus_exclude"])) == items


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


def _passed(monkeypatch, argv, tmp_path):
    import kg.extract.train as train_mod

    seen = {}

    def fake(out, **kw):
        seen.update(kw, out=out)
        (Path(out) / "config.json").write_text(json.dumps({"thresholds": {"role": 0.1, "other": 1.0}}))

    monkeypatch.setattr(train_mod, "train", fake)
    monkeypatch.setattr(train_mod, "average_with", lambda out, other, w: seen.update(averaged=(out, other, w)))
    if "--out" not in argv:  # never the shipped checkpoint's folder
        out = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
        out.mkdir()
        argv = [*argv, "--out", str(out)]
    assert _train_cli().main(argv) == 0
    seen["config"] = json.loads((Path(seen["out"]) / "config.json").read_text())
    return seen


def test_the_e5_recipe_fills_in_what_no_flag_gives_and_every_flag_wins(monkeypatch, tmp_path):
    mod = _train_cli()
    got = _passed(monkeypatch, ["--recipe", "e5-3.6"], tmp_path)
    assert (got["minutes"], got["steps"], got["n_synthetic"], got["bf16"], got["seed"]) == (88.0, 14013, 20_000, True, 13)
    assert got["corpus_exclude"] == mod.RECIPE_E5_36["corpus_exclude"] and got["corpus_repeat"] == 3
    assert got["init"] is None
    # a flag equal to argparse's own default still wins over the recipe
    got = _passed(monkeypatch, ["--recipe", "e5", "--minutes", "40", "--corpus-repeat", "1", "--steps", "0",
                                "--no-bf16", "--corpus-exclude", "", "--synthetic-mentions-only", "--init", "/tmp/x",
                                "--seed", "13"], tmp_path)
    assert (got["minutes"], got["corpus_repeat"], got["steps"], got["bf16"], got["init"]) == (40.0, 1, 0, False, "/tmp/x")
    assert not got["corpus_exclude"] and got["synthetic_events"] is False and got["synthetic_event_kinds"] == ()
    assert got["seed"] == 13 != mod.RECIPE_E5["seed"]
    assert "averaged" not in got and got["config"]["thresholds"]["role"] == 0.5  # the last stage keeps its own weights
    assert got["config"]["thresholds"]["other"] == 1.0  # keys the recipe does not set stay
    got = _passed(monkeypatch, ["--recipe", "e5-3.13", "--steps", "3", "--init", "/tmp/x"], tmp_path)
    assert got["averaged"] == (got["out"], "/tmp/x", 0.5)  # 3.13: half 3.6's weights
    got = _passed(monkeypatch, ["--recipe", "e5-3.13", "--steps", "3", "--init", "/tmp/x", "--average-with-init", "1"], tmp_path)
    assert "averaged" not in got  # W = 1: this run's own weights, as 3.12 was
    got = _passed(monkeypatch, ["--synthetic-mentions-only", "--synthetic-events-for", "Agreement, Statement"], tmp_path)
    assert got["synthetic_event_kinds"] == ("Agreement", "Statement")


def _stages(monkeypatch, argv, stage_steps=None, mod=None):
    """main(argv) with train() recording its calls; the first run "ends" at ``stage_steps``
    (its recipe's step count unless given)."""
    import kg.extract.train as train_mod

    mod = mod or _train_cli()
    calls = []

    def fake(out, **kw):
        calls.append(dict(kw, out=out))
        Path(out).mkdir(parents=True, exist_ok=True)
        steps = stage_steps if stage_steps is not None and len(calls) == 1 else kw["steps"]
        (Path(out) / "training_info.json").write_text(json.dumps({"steps": steps, "seed": kw["seed"], "lr": kw["lr"]}))
        (Path(out) / "config.json").write_text(json.dumps({"thresholds": {"role": 0.1}}))

    monkeypatch.setattr(train_mod, "train", fake)
    monkeypatch.setattr(train_mod, "average_with", lambda out, other, w: calls.append({"averaged": (out, other, w)}))
    monkeypatch.setattr(mod, "REPO", Path(argv[argv.index("--out") + 1]).parent)  # stages go to <tmp>/artifacts
    return mod, calls, mod.main(argv)


def test_the_e5_recipe_trains_its_stages_in_turn_then_goes_on_from_the_last(monkeypatch, tmp_path):
    """`--recipe e5` is four runs: 3.6's recipe from the base encoder, 3.13's from 3.6 (then half
    3.6's weights), 3.14c's from 3.13, each step-bounded, into artifacts/, then the shipped model's
    run from 3.14c, each with its own data, steps, learning rates and seed. A seed given reaches
    every run, threads too; the user's other flags only the last."""
    mod, calls, rc = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--seed", "7",
                                           "--threads", "1", "--steps", "5", "--lr", "1e-4", "--minutes", "30"])
    assert rc == 0
    s36, s313, averaged, s314c, last = calls
    art = tmp_path / "artifacts"
    assert s36["out"] == str(art / "m-stage-3.6") and s36["init"] is None
    assert (s36["seed"], s36["threads"], s36["steps"], s36["minutes"], s36["lr"]) == (7, 1, 14013, 0.0, None)
    assert s36["model_version"] == "3.6" and s36["corpus_exclude"] == mod.RECIPE_E5_36["corpus_exclude"]
    assert s313["out"] == str(art / "m-stage-3.13") and s313["init"] == s36["out"]
    assert (s313["seed"], s313["steps"], s313["minutes"], s313["lr"], s313["head_lr"], s313["bf16"]) == (
        7, 8891, 0.0, 3e-5, 5e-4, False)
    assert averaged["averaged"] == (s313["out"], s36["out"], 0.5)  # then half 3.6's weights
    assert s314c["out"] == str(art / "m-stage-3.14c") and s314c["init"] == s313["out"] and s314c["steps"] == 8742
    assert last["out"] == str(tmp_path / "m") and last["init"] == s314c["out"]
    assert (last["seed"], last["threads"], last["steps"], last["minutes"], last["lr"]) == (7, 1, 5, 30.0, 1e-4)
    excludes = [c["corpus_exclude"] for c in (s36, s313, s314c, last)]
    assert excludes == [mod.RECIPES[r]["corpus_exclude"] for r in ("e5-3.6", "e5-3.13", "e5-3.14c", "e5")]
    assert len(set(excludes)) == 4 and {c["base_model"] for c in (s36, s313, s314c, last)} == {"multilingual-e5-small"}
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "n")])
    want = mod.RECIPE_E5
    assert [c["seed"] for c in calls if "seed" in c] == [13, 13, 13, 17]  # each run its recipe's seed
    assert (calls[-1]["steps"], calls[-1]["minutes"], calls[-1]["bf16"], calls[-1]["lr"], calls[-1]["head_lr"]) == (
        want["steps"], 0.0, False, 3e-5, 5e-4)
    assert calls[-1]["model_version"] == want["model_version"] not in {"3.6", "3.13", "3.14c"}
    # the recipe's tuned thresholds go into the result's config, not into a stage's
    shipped = json.loads((Path(__file__).resolve().parents[2] / "kg" / "models" / "warta-extractor-e5"
                          / "config.json").read_text())
    assert json.loads((tmp_path / "n" / "config.json").read_text())["thresholds"] == want["thresholds"] == shipped["thresholds"]
    assert json.loads((tmp_path / "artifacts" / "n-stage-3.6" / "config.json").read_text())["thresholds"] == {"role": 0.1}


def test_a_finished_stage_is_reused_and_one_of_another_recipe_is_trained_again(monkeypatch, tmp_path):
    _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"])
    _, calls, rc = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"])
    assert rc == 0 and [c["out"] for c in calls] == [str(tmp_path / "m")]  # the three stages were reused
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5", "--seed", "3"])
    assert [c["seed"] for c in calls if "seed" in c] == [3, 3, 3, 3]  # another seed: another run of every stage


def test_a_stage_is_trained_again_when_its_recipe_or_one_before_it_changed(monkeypatch, tmp_path):
    """The mark holds every setting of the stage and of the stages it starts from; a stage keeps
    its own seed unless one is given (3.14c's 19 does not reach 3.13 and 3.6)."""
    mod = _train_cli()
    _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"], mod=mod)
    monkeypatch.setitem(mod.RECIPE_E5_36, "lr", 1e-4)  # the first stage's learning rate: every stage again
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"], mod=mod)
    assert [Path(c["out"]).name for c in calls if "out" in c] == ["m-stage-3.6", "m-stage-3.13", "m-stage-3.14c", "m"]
    monkeypatch.setitem(mod.RECIPE_E5_314C, "seed", 19)
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"], mod=mod)
    assert [c["seed"] for c in calls if "seed" in c] == [19, 17]  # 3.6 and 3.13 reused, 3.14c again
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "k"), "--steps", "5"], mod=mod)
    assert [c["seed"] for c in calls if "seed" in c] == [13, 13, 19, 17]


def test_a_run_into_a_stage_folder_outside_the_recipe_voids_its_mark(monkeypatch, tmp_path):
    _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"])
    stage = tmp_path / "artifacts" / "m-stage-3.13"
    assert (stage / "stage.json").is_file()
    _stages(monkeypatch, ["--recipe", "e5-3.13", "--seed", "5", "--out", str(stage), "--init", "/tmp/x", "--lr", "1e-4", "--steps", "5"])
    assert not (stage / "stage.json").exists()
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"])
    # 3.13 trained again to its recipe, the same weights as before: 3.14c, started from them, stays
    assert [Path(c["out"]).name for c in calls if "out" in c] == ["m-stage-3.13", "m"]
    (stage / "training_info.json").write_text("{}")  # other weights under a valid mark: what starts from them goes again
    _, calls, _ = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m"), "--steps", "5"])
    assert [Path(c["out"]).name for c in calls if "out" in c] == ["m-stage-3.14c", "m"]


def test_no_stage_goes_on_from_a_stage_cut_short(monkeypatch, tmp_path):
    with pytest.raises(SystemExit, match="not 14013"):
        _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m")], stage_steps=6000)
    assert not (tmp_path / "artifacts" / "m-stage-3.6" / "stage.json").exists()
    _, calls, rc = _stages(monkeypatch, ["--recipe", "e5", "--out", str(tmp_path / "m")])
    assert rc == 0 and calls[0]["out"] == str(tmp_path / "artifacts" / "m-stage-3.6")  # trained again, not reused


def test_a_run_with_no_end_or_a_stage_with_no_base_is_refused_before_training(monkeypatch, tmp_path, capsys):
    import kg.extract.train as train_mod

    real_train = train_mod.train
    monkeypatch.setattr(train_mod, "train", lambda out, **kw: pytest.fail("trained"))
    for argv in (["--recipe", "e5", "--steps", "0"], ["--steps", "0", "--minutes", "0"],
                 ["--init", "recipe:e5-3.6", "--steps", "10"], ["--average-with-init", "0.5"],
                 ["--init", "/tmp/x", "--average-with-init", "0"],
                 ["--init", "recipe:e5-3.6", "--base-model", "/some/other/encoder", "--steps", "10"],
                 ["--init", "recipe:e5-3.14c", "--steps", "10"], ["--recipe", "e5", "--init", "recipe:e5-3.12"]):
        with pytest.raises(SystemExit) as exit_:
            _train_cli().main(argv + ["--out", str(tmp_path / "never")])
        assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--init recipe:e5-3.6" in err and "--init recipe:e5-3.14c" in err
    with pytest.raises(ValueError, match="needs an end"):
        real_train(tmp_path / "never", steps=0, minutes=0)


def test_synthetic_events_for_needs_mentions_only_and_known_kinds(capsys):
    for argv in (["--synthetic-events-for", "Agreement"],
                 ["--synthetic-mentions-only", "--synthetic-events-for", "Treaty"]):
        with pytest.raises(SystemExit) as exit_:
            _train_cli().main(argv + ["--out", "/nonexistent/never-written"])
        assert exit_.value.code == 2
        assert "--synthetic-events-for" in capsys.readouterr().err


def test_make_train_refits_the_context_agent_on_the_split_of_the_first_stage():
    """The shipped context agent was fitted beside 3.6, on 3.6's split: `make train` refits it there
    (tests/extract/test_context_agent.py checks that the refit equals the shipped weights)."""
    import re

    make = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"train_context_agent\.py --exclude '([^']+)'", make).group(1) == _train_cli().RECIPE_E5_36["corpus_exclude"]


def test_a_malformed_exclude_pattern_is_refused_before_training(capsys):
    with pytest.raises(SystemExit) as exit_:
        _train_cli().main(["--corpus-exclude", "_w[", "--out", "/nonexistent/never-written"])
    assert exit_.value.code == 2 and "--corpus-exclude" in capsys.readouterr().err


def test_a_long_run_warms_up_for_300_steps_whether_steps_or_the_clock_end_it():
    from kg.extract.train import warmup_steps

    assert warmup_steps(None) == warmup_steps(0) == warmup_steps(14_013) == 300
    assert warmup_steps(500) == 50 and warmup_steps(5) == 1


def test_averaging_with_the_init_mixes_every_stored_tensor_and_refuses_another_architecture(tmp_path):
    import torch
    from safetensors.torch import load_file, save_file

    from kg.extract.train import average_with

    run, init, other = tmp_path / "run", tmp_path / "init", tmp_path / "other"
    for d, v in ((run, 1.0), (init, 3.0), (other, 0.0)):
        d.mkdir()
        t = {"a.weight": torch.full((2, 3), v, dtype=torch.float16), "b.bias": torch.full((4,), -v, dtype=torch.float16)}
        if d == other:
            t["a.weight"] = torch.zeros(3, 2, dtype=torch.float16)
        save_file(t, str(d / "model.safetensors"))
    (run / "training_info.json").write_text(json.dumps({"steps": 5}))
    average_with(run, init, 0.75)
    got = load_file(str(run / "model.safetensors"))
    assert got["a.weight"].dtype == torch.float16 and torch.all(got["a.weight"] == 1.5)
    assert torch.all(got["b.bias"] == -1.5)
    info = json.loads((run / "training_info.json").read_text())
    assert info["steps"] == 5 and info["averaged_with"] == {"checkpoint": str(init), "weight_of_this_run": 0.75}
    with pytest.raises(ValueError, match="architecture"):
        average_with(run, other)
    with pytest.raises(ValueError, match="between 0 and 1"):
        average_with(run, init, 1.0)
