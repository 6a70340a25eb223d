import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { newSeed, SAMPLING_METHOD, SAMPLING_METHOD_TEXT } from "@/lib/sampling/draw";
import { sampleChoices } from "@/lib/sampling/population";
import { samplePeriod } from "@/lib/sampling/sample";
import type { PeriodSample } from "@/lib/sampling/types";
import { DEFAULT_SAMPLE_SIZE, sampleQuerySchema } from "@/lib/validations/sampling";
import { SampleForm, type SampleFormErrors } from "@/components/sampling/sample-form";
import { newSeedHref, sampleCsvHref, samplePageHref } from "@/components/sampling/sample-href";
import { SampleTable } from "@/components/sampling/sample-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sample" };

type Props = { params: Promise<{ periodId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ["control", "kind", "size", "seed"] as const;

// Draws a reproducible sample of a period's slots, evidence or changes (docs/auditors.md,
// "Sampling"). Read-only: a GET form, no server action, nothing stored. A draw without a seed gets
// one and is redirected to the URL that holds it, so the page, a reload and the CSV agree.
export default async function SamplePage({ params, searchParams }: Props) {
  const principal = await requirePage("periods:read");
  const id = z.uuid().safeParse((await params).periodId);
  if (!id.success) notFound();
  const choices = await sampleChoices(principal, id.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { period, controls } = choices;
  const raw = await searchParams;
  const values = Object.fromEntries(FIELDS.flatMap((f) => (raw[f] === undefined ? [] : [[f, [raw[f]].flat().at(-1) ?? ""]])));
  const requested = Object.keys(values).length > 0;

  let errors: SampleFormErrors | undefined;
  let sample: PeriodSample | null = null;
  const parsed = sampleQuerySchema.safeParse(values);
  if (!parsed.success) {
    errors = z.flattenError(parsed.error).fieldErrors;
  } else if (requested) {
    const query = parsed.data;
    if (query.control && !controls.some((c) => c.code === query.control)) {
      errors = { control: [`There is no control ${query.control} in this period's categories.`] };
    } else {
      if (!query.seed) redirect(samplePageHref(period.id, { ...query, size: query.size ?? DEFAULT_SAMPLE_SIZE, seed: newSeed() }));
      try {
        sample = await samplePeriod(principal, period.id, query);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
        errors = (error.fieldErrors as SampleFormErrors | undefined) ?? { kind: [error.message] };
      }
    }
  }

  return (
    <>
      <p>
        <Link href={`/periods/${period.id}`}>← {period.name}</Link>
      </p>
      <h1>Sample</h1>
      <p className="lede">
        A random sample of {period.name} ({period.start} to {period.end}) drawn from a seed: the same seed always draws the same sample from
        the same population, and the method below lets anyone redo it. Nothing is stored.
      </p>
      <SampleForm values={values} controls={controls} errors={errors} />
      {errors && (
        <div role="alert" className="alert error">
          {Object.values(errors).flat()[0]} No sample is drawn until this is fixed.
        </div>
      )}
      {sample && <SampleResult sample={sample} />}
    </>
  );
}

function SampleResult({ sample }: { sample: PeriodSample }) {
  const { draw } = sample;
  const params = { control: sample.control?.code, kind: sample.kind, size: draw.requested, seed: draw.seed };
  return (
    <section aria-labelledby="sample-heading">
      <h2 id="sample-heading">
        {draw.size} of {draw.populationSize}
      </h2>
      <div className="card">
        <dl className="facts">
          <dt>Seed</dt>
          <dd>
            <code data-testid="sample-seed">{draw.seed}</code>
          </dd>
          <dt>Population</dt>
          <dd>
            {sample.description} <strong>{draw.populationSize}</strong> in all.
          </dd>
          <dt>Sample size</dt>
          <dd>
            {draw.whole && draw.populationSize > 0
              ? `The whole population: ${draw.requested} asked for, ${draw.populationSize} in it.`
              : `${draw.size}${draw.requested !== draw.size ? ` (${draw.requested} asked for)` : ""}`}
          </dd>
          <dt>Method</dt>
          <dd>
            <code>{SAMPLING_METHOD}</code>: {SAMPLING_METHOD_TEXT}
          </dd>
        </dl>
        <p>
          {/* A plain link: the route answers with the file as an attachment. */}
          <a className="button secondary" href={sampleCsvHref(sample.period.id, params)} download>
            Download CSV
          </a>{" "}
          <Link className="button secondary" href={newSeedHref(sample.period.id, params)}>
            Draw with a new seed
          </Link>
        </p>
      </div>
      {draw.populationSize === 0 ? (
        <div className="card empty">
          The population is empty: there is nothing to sample.{" "}
          {sample.kind === "slots"
            ? "No slot of this choice is due yet, or the control is not applicable."
            : sample.kind === "evidence"
              ? "No evidence of this choice is effective or valid in the period."
              : "No change was merged in the period."}
        </div>
      ) : (
        <SampleTable sample={sample} />
      )}
    </section>
  );
}
