// Query hooks for app-wide state (version, language, first-run flag) from app_info.
// The first load of app_info also applies its language (saved choice, else the OS
// locale), so the first screen is already in the right language; later refetches
// leave the language alone (the switch owns it from then on).
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { AppInfo } from "../bindings/AppInfo";
import type { Language } from "../bindings/Language";
import i18n from "../i18n";
import { initialLanguage } from "../i18n/initialLanguage";
import { acknowledgeRecoveryKey, appInfo, finishOnboarding, setLanguage } from "./commands";

export const APP_INFO_KEY = ["app_info"] as const;

async function loadAppInfo(client: QueryClient): Promise<AppInfo> {
  const firstLoad = client.getQueryData(APP_INFO_KEY) === undefined;
  const info = await appInfo();
  if (firstLoad) await i18n.changeLanguage(initialLanguage(info, navigator.language));
  return info;
}

export function useAppInfo() {
  const client = useQueryClient();
  return useQuery({ queryKey: APP_INFO_KEY, queryFn: () => loadAppInfo(client) });
}

export function useSetLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => setLanguage(language),
    onSuccess: (info: AppInfo) => client.setQueryData(APP_INFO_KEY, info),
  });
}

export function useFinishOnboarding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (loadDemo: boolean) => finishOnboarding(loadDemo),
    onSuccess: async (info: AppInfo) => {
      client.setQueryData(APP_INFO_KEY, info);
      await client.invalidateQueries();
    },
  });
}

export function useAcknowledgeRecoveryKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => acknowledgeRecoveryKey(),
    onSuccess: (info: AppInfo) => client.setQueryData(APP_INFO_KEY, info),
  });
}
