import { Box, Flex, Typography } from '@strapi/design-system';

export interface RatioResult {
  kind: 'diverse' | 'offWebsite';
  count: number;
  total: number;
  value: number | null;
  threshold: number;
  status: 'pass' | 'fail' | 'no_data';
  shortfall: number | null;
  text: string;
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** One ratio as a bar against its threshold: green when met, red when not, grey without data. */
export function RatioBar({ result, testId }: { result: RatioResult; testId?: string }) {
  const colour = result.status === 'pass' ? 'success500' : result.status === 'fail' ? 'danger500' : 'neutral300';
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid={testId} data-status={result.status}>
      <Box position="relative" height="10px" background="neutral150" hasRadius overflow="hidden" minWidth="120px">
        <Box height="100%" width={`${Math.round((result.value ?? 0) * 100)}%`} background={colour} />
        <Box position="absolute" top={0} left={`${Math.round(result.threshold * 100)}%`} height="100%" width="2px" background="neutral800" />
      </Box>
      <Typography variant="pi" textColor={result.status === 'fail' ? 'danger600' : 'neutral700'}>
        {result.value === null ? '—' : `${percent(result.value)}（${result.count}/${result.total}）`} · {result.text}
      </Typography>
    </Flex>
  );
}
