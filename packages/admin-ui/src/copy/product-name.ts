import type { Product } from '@usage-reporting/core/api';

const names: Record<Product, string> = { jira: 'Jira', confluence: 'Confluence' };

export const productName = (product: Product): string => names[product];
